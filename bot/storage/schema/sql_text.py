"""Schema text in a stable, readable form: statements squashed or tidied, comments
dropped, a table's columns one to a line, blocks in a fixed order. Both engines'
catalog readers render through it, so their snapshots look alike."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Schema:
    """A migrated database's schema: the last migration applied and the rendered SQL."""

    engine: str
    version: int
    body: str


# Text normalisation ----------------------------------------------------------------

# One lexeme: a quoted string or identifier, a comment, a dollar-quoted body, a run of
# whitespace, a run of plain characters, or any other single character. Commas and
# parentheses stand alone so that a walk over lexemes can track nesting.
_LEXEME = re.compile(
    r"'(?:[^']|'')*'"
    r'|"(?:[^"]|"")*"'
    r"|`[^`]*`"
    r"|--[^\n]*"
    r"|/\*.*?\*/"
    r"|\$(?P<tag>[A-Za-z_]\w*)?\$.*?\$(?P=tag)\$"
    r"|\s+"
    r"|[^'\"`\s/\-$(),;]+"
    r"|.",
    re.DOTALL,
)


def _is_comment(lexeme: str) -> bool:
    return lexeme.startswith("--") or lexeme.startswith("/*")


def squash(sql: str) -> str:
    """``sql`` on one line: comments dropped, every run of whitespace one space."""
    out: list[str] = []
    for match in _LEXEME.finditer(sql):
        lexeme = match.group()
        if lexeme.isspace() or _is_comment(lexeme):
            if out and out[-1] != " ":
                out.append(" ")
        else:
            out.append(lexeme)
    return "".join(out).strip()


def tidy(sql: str) -> str:
    """``sql`` with its line breaks and indentation kept but comments, blank lines,
    trailing spaces and runs of spaces inside a line dropped."""
    out: list[str] = []
    for match in _LEXEME.finditer(sql.expandtabs(4)):
        lexeme = match.group()
        if _is_comment(lexeme):
            continue
        if lexeme.isspace():
            out.append("\n" + lexeme.rsplit("\n", 1)[1] if "\n" in lexeme else " ")
        else:
            out.append(lexeme)
    lines = (line.rstrip() for line in "".join(out).split("\n"))
    return "\n".join(line for line in lines if line)


def split_parenthesised(flat: str) -> tuple[str, list[str], str] | None:
    """Split one-line ``head (a, b, ...) tail`` at the commas of its first parentheses."""
    depth, start, last = 0, -1, 0
    parts: list[str] = []
    for match in _LEXEME.finditer(flat):
        lexeme = match.group()
        if lexeme == "(":
            depth += 1
            if depth == 1 and start < 0:
                start = last = match.end()
        elif lexeme == ")":
            depth -= 1
            if depth == 0 and start >= 0:
                parts.append(flat[last:match.start()])
                return flat[:start - 1].strip(), [p.strip() for p in parts], \
                    flat[match.end():].strip()
        elif lexeme == "," and depth == 1:
            parts.append(flat[last:match.start()])
            last = match.end()
    return None


def table_text(head: str, items: Sequence[str], tail: str = "") -> str:
    """A CREATE TABLE with one column or constraint per line."""
    body = ",\n".join(f"    {item}" for item in items)
    return f"{head} (\n{body}\n){' ' + tail if tail else ''};"


def blocks_text(blocks: Sequence[Sequence[str]]) -> str:
    """Statements of a block one per line, blocks apart by a blank line."""
    return "\n\n".join("\n".join(block) for block in blocks if block) + "\n"
