"""How each rule reads in a log reply: one line naming the exercises, and why.

A reply item is ``[ID] headline because detail``: the headline is the rule's advice with
the exercises it applies to named (``{names}``, "leg curl, calf raise and curl") and,
for rules about the session, its day (``{day}``: "today", "yesterday", "on Mon 30 Nov");
``because`` is one sentence of reason with its source by name. The full reasoning and
every source stay in ``/why ID`` (``bot.domain.advice.rules``). A praise or caution
already said in full for those exercises this week is said again as its headline
alone (see ``bot.domain.advice.session``). Every claim here is one of those the rule's
section in docs/coaching.md lists with its source.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType


@dataclass(frozen=True)
class Line:
    headline: str
    because: str


LINES: Mapping[str, Line] = MappingProxyType({
    "A1": Line(
        "Keep {names} short of failure: end sets 1-3 reps in reserve, or when form or bar "
        "speed slips.",
        "In a squat study, stopping sets earlier gave about the same strength with far "
        "fewer reps (Pareja-Blanco 2017).",
    ),
    "A2": Line(
        "Keep drop sets, forced reps and other past-failure work off {names}: save them for "
        "machines and isolation.",
        "The article keeps them for machine and isolation work, where a missed rep is easy "
        "to get out from under.",
    ),
    "A3": Line(
        "Push the last set of {names} to failure, or within a rep of it (a drop set counts).",
        "The article puts failure on machine and isolation work, and sets stopped 1-2 reps "
        "short grew about as well (Refalo 2024): a hard finish is what counts.",
    ),
    "A4": Line(
        "Every set of {names} went to failure {day}: keep failure for the last set and end "
        "the others 1-3 reps short.",
        "Failing every set is what the article blames for slow recovery, and pooled studies "
        "find little to gain from it (Grgic 2022).",
    ),
    "A5": Line(
        "Well judged on {names}: heavy sets with 1-3 reps left.",
        "Strength gains hardly depend on how close to failure sets end (Robinson 2024).",
    ),
    "A6": Line(
        "On {names}, take at most the last set to failure, and only with a spotter or "
        "safeties.",
        "A failed rep under a free weight needs a way out, and a failure saved for the "
        "last set keeps its fatigue out of the sets before it.",
    ),
    "W1": Line(
        "A lot of failure work this week on {names}: keep the next sessions short of "
        "failure.",
        "Failure leaves fatigue that lingers: bar speed took 24-48 hours longer to come "
        "back after it (Morán-Navarro 2017).",
    ),
    "W2": Line(
        "Failure on {names} again within two days: keep the next session on it short of "
        "failure.",
        "In studies, bar speed and jump height took 24-48 hours longer to return after "
        "failure sets (Morán-Navarro 2017; González-Badillo 2016).",
    ),
    "W3": Line(
        "Failure on {names} week after week: switch to a block of heavy sets kept 1-3 reps "
        "short.",
        "Readers of the article cycle failure about every two weeks; Willardson 2010 "
        "proposes blocks of about six.",
    ),
    "W4": Line(
        "Still sore after 5 days or more: ease off failure sets and volume on {names} until "
        "it settles.",
        "Lasting soreness is a cue to back off (a reader comment on the article), not a "
        "measure of growth.",
    ),
    "W5": Line(
        "Your working sets {day} averaged 4 or more reps in reserve: for growth, end most "
        "of them 0-3 reps short of failure.",
        "Growth improves as sets end closer to failure (Robinson 2024).",
    ),
    "W6": Line(
        "Past 20 hard sets in the last 7 days for a main muscle of {names}: trimming a few "
        "costs little.",
        "Each extra set adds less as weekly sets climb; no ceiling was shown at 20 "
        "(Schoenfeld 2017; Pelland 2024).",
    ),
    "W7": Line(
        "Your RIR on {names} is a rough guess this far from failure or this deep into a "
        "long set.",
        "Guesses are good to about a rep near failure and worse further away (Halperin "
        "2022): take a safe isolation set to failure now and then to check yours.",
    ),
    "W8": Line(
        "For a strength goal, failure on {names} adds little: strength grew as well when "
        "sets stopped short.",
        "Pooled studies found no strength edge for failure (Grgic 2022; Vieira 2021).",
    ),
})
"""Every rule's reply line, by id."""


def names_text(names: Sequence[str]) -> str:
    """``a``, ``a and b``, ``a, b and c``."""
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} and {names[-1]}"


def headline(rule_id: str, names: Sequence[str], day: str) -> str:
    return LINES[rule_id].headline.format(names=names_text(names), day=day)


__all__ = ["LINES", "Line", "headline", "names_text"]
