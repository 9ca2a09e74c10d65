"""Reply values: what the coach says, before any edge decides how it looks.

The console prints them as text and the Discord edge turns them into embeds, so
both say the same thing.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Tone = Literal["ok", "info", "warning", "error"]


@dataclass(frozen=True)
class Reply:
    title: str
    lines: tuple[str, ...] = ()
    fields: tuple[tuple[str, str], ...] = ()
    rule_ids: tuple[str, ...] = ()
    tone: Tone = "info"
    private: bool = False
    saved: bool = False
    entry_ids: tuple[int, ...] = ()
    footer: str | None = None

    @property
    def is_error(self) -> bool:
        return self.tone == "error"


def error_reply(what: str, hint: str, example: str, *, title: str = "I couldn't do that") -> Reply:
    """Every refusal says what was wrong, how to fix it and a line that would work."""
    return Reply(
        title=title,
        lines=(what, f"Hint: {hint}", f"Example: {example}"),
        tone="error",
        private=True,
    )
