"""A batch of statements in one round trip to PostgreSQL.

Each statement sent on its own waits for the server's answer before the next goes, so
a log (five reads, then about ten writes with their BEGIN and COMMIT) used to cost
fifteen round trips. Here:

- **reads** become one ``SELECT`` whose columns are the statements' rows, each an
  array of records (``ARRAY(SELECT t FROM (...) t)``): the values keep their types
  (asyncpg decodes records field by field), the rows their order, and the statement
  is prepared once and cached like any other;
- **writes** become one multi-statement query, which PostgreSQL runs as one implicit
  transaction (all of it or, on any error, none); the rows of a plain ``INSERT ...
  VALUES`` go in one statement, so a statement trigger on sets (migration 017) runs
  once for the log rather than once per set. Such a query takes no parameters,
  so the values are written as quoted literals, which the server types from their
  context just as it types an untyped parameter. A value without a literal form kept
  here (a naive datetime, a float that is not finite, text with a NUL, anything
  unusual) sends the batch the usual way instead, so nothing is ever stored
  differently.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from bot.storage.driver import Rows, Step

_MARK = re.compile(r"\?")
_PLAIN_INSERT = re.compile(r"^INSERT INTO \w+ \([\w, ]+\) VALUES (\(\?(?:, \?)*\))$")


def read_query(steps: Sequence[Step]) -> tuple[str, list[Any]] | None:
    """One statement for several reads (``?`` placeholders kept), or None when the
    steps are not all plain reads or there is only one."""
    if len(steps) < 2 or any(not s.fetch or s.many is not None for s in steps):
        return None
    sql = "SELECT " + ", ".join(f"ARRAY(SELECT t FROM ({s.sql}) t)" for s in steps)
    return sql, [value for s in steps for value in s.params]


def read_rows(row: Sequence[Any]) -> Rows:
    """The rows of each read from the one statement's single row."""
    return [[tuple(r) for r in column] for column in row]


def write_query(steps: Sequence[Step]) -> str | None:
    """The writes as one multi-statement query, or None when one of them fetches rows
    or carries a value that has no literal form here."""
    statements: list[str] = []
    for step in steps:
        if step.fetch:
            return None
        rows = [step.params] if step.many is None else step.many
        plain = _PLAIN_INSERT.match(step.sql) if len(rows) > 1 else None
        if plain is not None:  # one statement for all the rows
            row = plain[1]
            rows = [[value for r in rows for value in r]]
            sql = step.sql[:plain.start(1)] + ", ".join([row] * len(step.many or ()))
        else:
            sql = step.sql
        for params in rows:
            statement = _with_literals(sql, params)
            if statement is None:
                return None
            statements.append(statement)
    return ";\n".join(statements) if statements else None


def _with_literals(sql: str, params: Sequence[Any]) -> str | None:
    values = [_literal(v) for v in params]
    if any(v is None for v in values) or sql.count("?") != len(values):
        return None
    found = iter(values)
    return _MARK.sub(lambda _: str(next(found)), sql)


def _literal(value: Any) -> str | None:
    """A value as SQL text the server reads exactly as the bound parameter: NULL, or a
    quoted literal typed by its context. None: no such form here."""
    if value is None:
        return "NULL"
    kind = type(value)
    if kind is int:
        return f"'{value}'"
    if kind is float:
        return f"'{value!r}'" if math.isfinite(value) else None
    if kind is str:
        if "\x00" in value:
            return None
        text: str = value
        return "E'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'"
    if kind is datetime:
        if value.tzinfo is None:
            return None
        return f"'{value.isoformat()}'"
    if kind is date:
        return f"'{value.isoformat()}'"
    return None
