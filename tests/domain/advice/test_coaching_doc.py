"""docs/coaching.md documents every rule the bot can fire, and every source it cites.

Adding a rule, renaming one or citing a new source without updating the document
fails here, and so does changing a threshold in the checks without documenting it.
"""

from __future__ import annotations

import re
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from bot.domain.advice import checks, engine, session
from bot.domain.advice.lines import LINES
from bot.domain.advice.rules import RULES, Rule
from bot.domain.figures import calibration, deload, next_session, volume
from bot.domain.figures.e1rm import MAX_EFFECTIVE_REPS, MAX_RIR

DOC = Path(__file__).resolve().parents[3] / "docs" / "coaching.md"
TEXT = DOC.read_text("utf-8")

ALL_SOURCES = sorted({src for rule in RULES.values() for src in rule.sources})


def _code(name: str) -> Any:
    """A threshold of the code, from whichever module of the advice keeps it."""
    modules: tuple[ModuleType, ...] = (checks, volume, session, engine)
    for module in modules:
        if hasattr(module, name):
            return getattr(module, name)
    raise AssertionError(f"no {name} in the advice code")


def _n(value: float) -> str:
    return f"{value:g}"


def _plain(text: str) -> str:
    """Text without bold marks and with line breaks as spaces."""
    return " ".join(text.replace("**", "").split())


def _section(rule_id: str) -> str:
    """The text under the rule's own heading, up to the next heading."""
    match = re.search(rf"^### {rule_id}\b.*?(?=^#)", TEXT + "\n#", re.M | re.S)
    assert match is not None, f"no '### {rule_id}' section in docs/coaching.md"
    return match.group(0)


def test_the_document_exists_and_points_nowhere_outside() -> None:
    assert TEXT.strip()
    assert "COACHING.md" not in TEXT
    assert "../" not in TEXT


@pytest.mark.parametrize("rule", list(RULES.values()), ids=list(RULES))
def test_every_rule_is_in_the_table_with_its_title(rule: Rule) -> None:
    rows = [line for line in TEXT.splitlines() if line.startswith(f"| {rule.rule_id} |")]
    assert len(rows) == 1, rows
    assert f"| {rule.title} |" in rows[0]


@pytest.mark.parametrize("rule", list(RULES.values()), ids=list(RULES))
def test_every_rule_has_a_section_headed_by_its_id_and_title(rule: Rule) -> None:
    heading = _section(rule.rule_id).splitlines()[0]
    assert rule.title in heading


@pytest.mark.parametrize("rule", list(RULES.values()), ids=list(RULES))
def test_every_rule_section_names_its_sources(rule: Rule) -> None:
    section = _plain(_section(rule.rule_id))
    for src in rule.sources:
        assert src in section, (rule.rule_id, src)


@pytest.mark.parametrize("rule", list(RULES.values()), ids=list(RULES))
def test_every_rule_section_says_when_it_fires_and_what_it_claims(rule: Rule) -> None:
    section = _section(rule.rule_id)
    assert "**Fires when**" in section
    assert "**The reply says**" in section
    assert "**What it claims, and on what:**" in section


@pytest.mark.parametrize("source", ALL_SOURCES)
def test_every_cited_source_is_named(source: str) -> None:
    assert source in _plain(TEXT)


@pytest.mark.parametrize("source", ALL_SOURCES)
def test_every_cited_source_is_in_the_sources_table(source: str) -> None:
    assert any(line.startswith(f"| {source} |") for line in TEXT.splitlines()), source


THRESHOLDS: dict[str, tuple[str, ...]] = {
    "A5": (
        f"{_code('A5_MAX_REPS')} reps or fewer",
        f"RIR {_n(_code('A5_MIN_RIR'))}-{_n(_code('A5_MAX_RIR'))}",
        f"reps + RIR of {_code('A5_MAX_EFFECTIVE_REPS')} or fewer",
    ),
    "W1": (
        f"{_code('W1_TIER_A_FAILURE_SETS')} or more failure sets",
        f"{_n(_code('W1_MIN_HARD_SETS'))} or more hard sets",
        "more than a third",
    ),
    "W2": (f"{_code('W2_DAYS')} local days before",),
    "W4": (f"{_code('W4_MIN_DAYS')} days", f"{_code('W4_REPORT_WINDOW').days} days"),
    "W5": (f"RIR {_n(_code('W5_MIN_AVERAGE_RIR'))} or more",),
    "W6": (
        f"more than {_n(_code('WEEKLY_SETS_HIGH'))} hard sets",
        f"fewer than {_n(_code('WEEKLY_SETS_LOW'))} hard sets",
    ),
    "W7": (f"RIR {_n(_code('W7_MIN_RIR'))} or more", f"more than {_code('W7_MAX_REPS')} reps"),
}


@pytest.mark.parametrize("rule_id", sorted(THRESHOLDS))
def test_thresholds_in_the_document_match_the_code(rule_id: str) -> None:
    section = _plain(_section(rule_id))
    for phrase in THRESHOLDS[rule_id]:
        assert phrase in section, (rule_id, phrase)


def test_hard_set_definition_matches_the_code() -> None:
    assert f"RIR {_n(_code('HARD_SET_MAX_RIR'))} or less" in _plain(TEXT)


def test_the_reply_cap_and_the_untiered_rules_are_documented() -> None:
    words = {3: "three"}
    cap = _code("MAX_ITEMS")
    assert f"At most {words.get(cap, str(cap))} items per reply" in _plain(TEXT)
    untiered = sorted(_code("TIER_INDEPENDENT"))
    listed = ", ".join(untiered[:-1]) + f" and {untiered[-1]}"
    assert listed in _plain(TEXT)


def test_the_nervous_system_claim_is_attributed_and_corrected() -> None:
    section = _section("W1")
    assert "the article's claim" in section
    assert "Carroll" in section and "within minutes" in section


def test_later_evidence_covers_every_study_the_project_leans_on() -> None:
    part = TEXT.split("## What later research adds to the article", 1)[1].split("\n## ", 1)[0]
    for name in (
        "Izquierdo", "Grgic", "Refalo", "Robinson", "Morán-Navarro", "González-Badillo",
        "Carroll", "Pareja-Blanco", "Schoenfeld", "Baz-Valle", "Pelland", "Willardson",
        "Hackett", "Halperin", "Zourdos",
    ):  # fmt: skip
        assert name in part, name


def test_e1rm_formulas_and_gates_are_documented() -> None:
    part = TEXT.split("## Estimated one-rep max", 1)[1].split("\n## ", 1)[0]
    assert "w × (1 + r / 30)" in part
    assert "36 × w / (37 − r)" in part
    assert f"between 0 and {_n(MAX_RIR)}" in part
    assert f"is {_n(MAX_EFFECTIVE_REPS)} or less" in part


def test_the_reply_order_and_the_merged_rules_are_documented() -> None:
    part = _plain(TEXT.split("## How several rules share one reply", 1)[1].split("\n## ", 1)[0])
    lead = [r for r in session.PRIORITY if r in ("W3", "W2", "W1", "W8")]
    assert ", ".join(lead[:-1]) + f", {lead[-1]}" in part
    assert "A1, A4 and W1" in part and sorted(session.SAME_POINT) == ["A1", "A4", "W1"]
    assert "W5, A3 and W7" in part and {"W5", "A3", "W7"} == session.DELOAD_QUIET


def test_calibration_bests_next_time_and_deloads_are_documented() -> None:
    text = _plain(TEXT)
    assert f"within {calibration.MATCH_DAYS} days" in text
    assert f"{calibration.MIN_PAIRS} tests or more" in text
    assert f"between −{calibration.MAX_OFFSET_DOWN} and +{calibration.MAX_OFFSET_UP}" in text
    assert f"below RIR {_n(calibration.FLOOR_RIR)}" in text
    assert "load = e1RM / (1 + (reps + RIR) / 30)" in text
    assert f"at most {next_session.STRENGTH_MAX_REPS} for a strength goal" in text
    assert f"at most {deload.DELOAD_SHARE:.0%} of your usual hard sets" in text
    assert f"RIR {_n(deload.DELOAD_MIN_RIR)} or more" in text
    assert f"the {deload.USUAL_WEEKS} weeks before" in text
    assert f"e1RM fell {deload.FALLING_SESSIONS} sessions running" in text


@pytest.mark.parametrize("rule_id", sorted(LINES))
def test_every_reply_line_cites_only_the_rules_own_sources(rule_id: str) -> None:
    """A reply line names its source by author and year, and only one of the rule's."""
    because = LINES[rule_id].because
    cited = re.findall(r"([A-Z][a-zé-]+(?:-[A-Z][a-zé]+)?) (\d{4})", because)
    own = " ".join(RULES[rule_id].sources)
    for author, year in cited:
        assert f"{author} et al. {year}" in own or f"{author} {year}" in own, (author, year)
    assert "{names}" in LINES[rule_id].headline or rule_id == "W5"
