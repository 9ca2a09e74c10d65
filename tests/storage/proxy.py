"""A TCP relay between the bot and PostgreSQL that a test can make go silent, cut or
refuse, as a network or a server restart would."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from urllib.parse import parse_qs, urlencode, urlsplit, urlunsplit


class Relay:
    def __init__(self, host: str, port: int, socket_path: str | None = None) -> None:
        self.target = (host, port)
        self.socket_path = socket_path  # a server listening on a Unix socket
        self.silent = False  # bytes are taken and never passed on
        self.refusing = False  # new connections are closed at once
        self.port = 0
        self._links: set[asyncio.StreamWriter] = set()
        self._server: asyncio.Server | None = None

    async def start(self) -> None:
        self._server = await asyncio.start_server(self._link, "127.0.0.1", 0)
        self.port = self._server.sockets[0].getsockname()[1]

    async def close(self) -> None:
        self.cut()
        if self._server is not None:
            self._server.close()
            await self._server.wait_closed()

    def cut(self) -> None:
        """Every open connection is reset, as when the server restarts."""
        for writer in list(self._links):
            writer.transport.abort()
        self._links.clear()

    async def _link(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        if self.refusing:
            writer.transport.abort()
            return
        try:
            if self.socket_path is not None:
                up_reader, up_writer = await asyncio.open_unix_connection(self.socket_path)
            else:
                up_reader, up_writer = await asyncio.open_connection(*self.target)
        except OSError:
            writer.transport.abort()
            return
        self._links |= {writer, up_writer}
        await asyncio.gather(self._pipe(reader, up_writer), self._pipe(up_reader, writer),
                             return_exceptions=True)
        for end in (writer, up_writer):
            self._links.discard(end)
            end.transport.abort()

    async def _pipe(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        with contextlib.suppress(OSError, ConnectionError):
            while chunk := await reader.read(65536):
                if not self.silent:
                    writer.write(chunk)
                    await writer.drain()


@asynccontextmanager
async def relayed(url: str) -> AsyncIterator[tuple[Relay, str]]:
    """A relay to the server of ``url`` (by TCP, or by the Unix socket its ``host=``
    names), and the same url through the relay."""
    parts = urlsplit(url)
    query = parse_qs(parts.query)
    folder = query.pop("host", [None])[0]
    socket_path = None if folder is None else f"{folder}/.s.PGSQL.{parts.port or 5432}"
    relay = Relay(parts.hostname or "127.0.0.1", parts.port or 5432, socket_path)
    await relay.start()
    user = parts.netloc.rpartition("@")[0]
    netloc = f"{user}@127.0.0.1:{relay.port}" if user else f"127.0.0.1:{relay.port}"
    through = urlunsplit(parts._replace(netloc=netloc, query=urlencode(query, doseq=True)))
    try:
        yield relay, through
    finally:
        await relay.close()
