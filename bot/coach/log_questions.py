"""Questions about loads, asked after parsing with what storage knows of the lifter.

``bot.domain.plausibility.questions_for`` flags a load far above the lifter's best,
beyond any record, or (for a lifter who never chose a unit) heavy in kg but ordinary
in pounds. The last kind is asked first as one question for the whole message: "do
you lift in pounds?"; its answer sets the unit and reads the message again. Left
unanswered, it is asked no more for whole messages, but each lift it concerns still
gets its own question until the lifter chooses a unit. Every other flag is a question
about its own entry.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.coach.replies import literal
from bot.domain.models import LogEntry, Unit
from bot.domain.plausibility import questions_for
from bot.storage.contract import LogContext

_POUNDS = re.compile(r"\dlbs?\b|\blbs?\b|\bpounds?\b", re.IGNORECASE)
POUNDS_LABEL = "I lift in pounds: read it again"


def with_load_questions(
    entries: Sequence[LogEntry], context: LogContext, unit: Unit
) -> tuple[tuple[LogEntry, ...], tuple[int, ...]]:
    """The entries with their load questions, and the positions whose question is
    "pounds rather than kg" asked for the first time (left off the entries: the
    message gets one unit question instead, see :func:`unit_question_says`)."""
    prefs = context.prefs
    # Asked once and not answered, a lift heavy in kg but ordinary in pounds still gets
    # its own question (the first time the lift is logged): only a chosen unit settles it.
    checked = questions_for(entries, context.best_loads, unit, prefs.unit_chosen)
    if prefs.unit_chosen or prefs.unit_asked or unit != "kg":
        return checked, ()
    pounds: list[int] = []
    out: list[LogEntry] = []
    for i, (before, after) in enumerate(zip(entries, checked, strict=True)):
        q = after.question
        if (before.question is None and q is not None and _POUNDS.search(q.line)
                and not _POUNDS.search(after.text)):
            pounds.append(i)
            after = before
        out.append(after)
    return tuple(out), tuple(pounds)


def unit_question_says(entries: Sequence[LogEntry], positions: Sequence[int]) -> str:
    """The line at the top of the reply for the unit question."""
    names = ", ".join(dict.fromkeys(literal(entries[i].exercise.name) for i in positions))
    return (f"⚠ You have not chosen a unit, so I read bare numbers as kg, and that is "
            f"heavy for {names}. If you lift in pounds, read it again in pounds (below): "
            "your unit becomes lb. If kg is right, `/profile unit:kg` stops these questions.")
