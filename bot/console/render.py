"""Plain-text rendering of reply values, for the terminal."""

from __future__ import annotations

import re

from bot.coach.replies import Reply
from bot.console.choices import ChoiceNumbers

_MARKUP = re.compile(r"\*\*|`|\\(.)|^-# ")


def plain(text: str) -> str:
    """Drop deliberate markup (bold, code, a small-print line's ``-#``) and undo the
    escapes of literal user text."""
    return _MARKUP.sub(lambda m: m.group(1) or "", text)


def render_text(reply: Reply, choices: ChoiceNumbers | None = None) -> str:
    """The reply as terminal lines; each choice as the one line that takes it, numbered
    by ``choices`` (the session's numbering; a fresh one when not given)."""
    choices = choices or ChoiceNumbers()
    marker = {"error": "✗ ", "warning": "! ", "ok": "✓ "}.get(reply.tone, "")
    out = [f"{marker}{plain(reply.title)}"]
    out.extend(f"  {plain(line)}" for line in reply.lines)
    for choice in reply.choices:
        # No buttons here: the one line that does what the button does.
        out.append(f"  ▸ {plain(choice.label)}? Type /other {choices.number(choice.offer_id)}")
    for name, value in reply.fields:
        body = plain(value).splitlines() or [""]
        if len(body) == 1:
            out.append(f"  {name}: {body[0]}")
        else:
            out.append(f"  {name}:")
            out.extend(f"    {line}" for line in body)
    if reply.footer:
        out.append(f"  ({plain(reply.footer)})")
    return "\n".join(out)
