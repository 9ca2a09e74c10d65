"""Typed or pasted input, read as messages: a pasted session is one /log.

A line that does not start with ``/`` and arrives right after a ``/log`` line (no
blank line between) continues that log, so a session pasted as several lines
(``/log`` on the first, one exercise per line after it) is one message, as it is in
Discord. "Right after" means already waiting or arriving within a short window,
so a script that sends one line and waits for the answer is never held up.

Lines are read on a daemon thread: Ctrl-C or the end of input ends the console at
once, without waiting for a read that will never finish.
"""

from __future__ import annotations

import asyncio
import contextlib
import threading
from typing import TextIO

CONTINUATION_WINDOW = 0.2  # seconds to wait for the next pasted line of a /log

_END = object()


class MessageReader:
    """Messages from a text stream: a command line, plus its continuation lines."""

    def __init__(self, stream: TextIO, window: float = CONTINUATION_WINDOW) -> None:
        self._window = window
        self._queue: asyncio.Queue[object] = asyncio.Queue()
        self._ahead: object | None = None
        loop = asyncio.get_running_loop()
        thread = threading.Thread(target=self._pump, args=(stream, loop), daemon=True,
                                  name="console-input")
        thread.start()

    def _pump(self, stream: TextIO, loop: asyncio.AbstractEventLoop) -> None:
        try:
            for line in iter(stream.readline, ""):
                loop.call_soon_threadsafe(self._queue.put_nowait, line)
        except (OSError, ValueError, UnicodeDecodeError):
            pass  # a closed or unreadable stream ends the input like end of file
        except RuntimeError:
            return  # the console has already ended and its loop is closed
        with contextlib.suppress(RuntimeError):  # the console has already ended
            loop.call_soon_threadsafe(self._queue.put_nowait, _END)

    async def _next(self, within: float | None = None) -> object:
        if self._ahead is not None:
            item, self._ahead = self._ahead, None
            return item
        if within is None:
            return await self._queue.get()
        try:
            return await asyncio.wait_for(self._queue.get(), within)
        except TimeoutError:
            return None

    async def message(self) -> str | None:
        """The next message, or None at the end of input."""
        first = await self._next()
        if first is _END or not isinstance(first, str):
            return None
        if not _starts_log(first):
            return first
        parts = [first.rstrip("\n")]
        while True:
            more = await self._next(self._window)
            if more is None:
                break
            if more is _END or not isinstance(more, str) or not more.strip() or (
                    more.lstrip().startswith("/")):
                self._ahead = more
                break
            parts.append(more.rstrip("\n"))
        return "\n".join(parts)


def _starts_log(line: str) -> bool:
    head = line.strip().split(maxsplit=1)
    return bool(head) and head[0].lower() == "/log"
