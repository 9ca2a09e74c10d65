"""The rules as data: ids, texts, sources and the /why lookup."""

from __future__ import annotations

import re

import pytest

from bot.domain.advice.rules import RULE_ORDER, RULES, Rule, explain

EXPECTED_IDS = (
    "A1", "A2", "A3", "A4", "A5", "A6",
    "W1", "W2", "W3", "W4", "W5", "W6", "W7", "W8",
)  # fmt: skip

EXPECTED_SEVERITY = {
    "A1": "caution",
    "A2": "caution",
    "A3": "caution",
    "A4": "caution",
    "A5": "praise",
    "A6": "caution",
    "W1": "warning",
    "W2": "warning",
    "W3": "caution",
    "W4": "warning",
    "W5": "caution",
    "W6": "warning",
    "W7": "caution",
    "W8": "caution",
}


def _texts(rule: Rule) -> tuple[str, ...]:
    return (rule.title, rule.summary, rule.reasoning)


def test_ids_are_the_stable_ones_in_order() -> None:
    assert tuple(RULES) == EXPECTED_IDS
    assert RULE_ORDER == EXPECTED_IDS
    for rule_id, rule in RULES.items():
        assert rule.rule_id == rule_id


def test_severities() -> None:
    assert {rid: r.severity for rid, r in RULES.items()} == EXPECTED_SEVERITY


@pytest.mark.parametrize("rule", list(RULES.values()), ids=list(RULES))
def test_every_rule_has_texts_reasoning_and_sources(rule: Rule) -> None:
    assert rule.title.strip() and len(rule.title) <= 60
    assert rule.summary.strip()
    sentences = [x for x in re.split(r"(?<=[.!?])\s+", rule.reasoning.strip()) if x]
    assert 2 <= len(sentences) <= 5, sentences
    assert rule.sources
    assert all(src.strip() for src in rule.sources)


@pytest.mark.parametrize("rule", list(RULES.values()), ids=list(RULES))
def test_sources_are_named_in_the_project_style(rule: Rule) -> None:
    for src in rule.sources:
        assert src.startswith("Article: ") or re.search(r"\b(19|20)\d\d$", src), src


@pytest.mark.parametrize("rule", list(RULES.values()), ids=list(RULES))
def test_no_false_claims(rule: Rule) -> None:
    for text in _texts(rule):
        lowered = text.lower()
        assert "cortisol" not in lowered
        assert "makes you stronger" not in lowered
        assert "amp" not in re.findall(r"[a-z]+", lowered)


def test_thresholds_are_called_heuristics() -> None:
    assert "rules of thumb" in RULES["W1"].reasoning
    assert "heuristic" in RULES["W6"].reasoning


@pytest.mark.parametrize("query", ["A1", "a1", " w7 ", "W8", "a6"])
def test_explain_is_case_insensitive(query: str) -> None:
    rule = explain(query)
    assert rule is not None
    assert rule.rule_id == query.strip().upper()


@pytest.mark.parametrize("query", ["", "A7", "W9", "X1", "A 1", "1"])
def test_explain_unknown(query: str) -> None:
    assert explain(query) is None


def test_rules_mapping_is_read_only() -> None:
    with pytest.raises(TypeError):
        RULES["Z1"] = RULES["A1"]  # type: ignore[index]


# ------------------------------------------------------------ honest wording
# Each text says what its source found and no more; where a point is the article's
# opinion, the text says so.


def _all_text(rule_id: str) -> str:
    return " ".join(_texts(RULES[rule_id])).lower()


def test_module_points_to_the_project_coaching_document() -> None:
    import bot.domain.advice.rules as rules_module

    doc = rules_module.__doc__ or ""
    assert "docs/coaching.md" in doc
    assert "COACHING.md" not in doc


def test_w1_attributes_the_nervous_system_claim_to_the_article() -> None:
    w1 = RULES["W1"]
    reasoning = w1.reasoning
    assert "nervous system" in reasoning
    assert "the article's claim" in reasoning
    assert "Carroll" in reasoning and "2017" in reasoning
    assert "within minutes" in reasoning
    assert "Carroll et al. 2017" in w1.sources
    # The advice line itself no longer states the claim as fact.
    assert "nervous system" not in w1.summary.lower()
    assert "recovers more slowly" not in w1.summary.lower()


@pytest.mark.parametrize("rule", list(RULES.values()), ids=list(RULES))
def test_no_text_states_the_slow_nervous_system_as_fact(rule: Rule) -> None:
    for text in _texts(rule):
        lowered = text.lower()
        assert "nervous system recovers more slowly" not in lowered
        assert "slower to come back than the muscle" not in lowered


def test_w6_claims_diminishing_returns_not_a_recovery_ceiling() -> None:
    w6 = RULES["W6"]
    text = _all_text("W6")
    assert "recover from" not in text
    assert "past recovery" not in text
    assert "no ceiling was shown at 20" in w6.reasoning
    assert "less and less" in w6.reasoning


@pytest.mark.parametrize("rule", list(RULES.values()), ids=list(RULES))
def test_no_rule_claims_a_volume_ceiling_lifters_cannot_recover_from(rule: Rule) -> None:
    for text in _texts(rule):
        assert "more than most lifters recover" not in text.lower()


def test_a1_reports_what_pareja_blanco_found() -> None:
    a1 = RULES["A1"]
    assert "little stimulus" not in a1.reasoning
    assert "Pareja-Blanco et al. 2017" in a1.sources
    # Similar strength with about 40% fewer reps, better jumps with the shorter sets,
    # and more quadriceps growth with the longer ones.
    assert "20%" in a1.reasoning and "40%" in a1.reasoning
    assert "40% fewer reps" in a1.reasoning
    assert "jumps improved more" in a1.reasoning
    assert "grew the quadriceps more" in a1.reasoning
    assert "fatigue" in a1.reasoning


def test_a3_does_not_claim_failure_recruits_every_motor_unit() -> None:
    a3 = RULES["A3"]
    text = _all_text("A3")
    assert "every available motor unit" not in text
    assert "all motor units" not in text
    assert "more high-threshold motor units" in a3.reasoning
    assert "Refalo 2024" in a3.reasoning and "1-2" in a3.reasoning


def test_w2_describes_the_studies_as_they_were_run() -> None:
    w2 = RULES["W2"]
    text = _all_text("W2")
    assert "matched" not in text
    assert "half the reps" in w2.reasoning
    assert "3x8" in w2.reasoning and "3x4" in w2.reasoning
    for part in (w2.summary, w2.reasoning):
        assert "bar speed" in part and "jump height" in part
    # What came back 24-48 h later was speed and jumps, not strength.
    assert "strength" not in w2.summary.lower()
    assert "not 1RM strength" in w2.reasoning


def test_a5_attributes_the_heavy_load_recruitment_view() -> None:
    a5 = RULES["A5"]
    assert "as the article reports" in a5.reasoning
    assert "thought to" in a5.summary


def test_a4_does_not_claim_one_failure_set_captures_the_benefit() -> None:
    text = _all_text("A4")
    assert "captures" not in text
    assert "not a plan that studies have tested" in RULES["A4"].reasoning


def test_w3_gives_both_block_lengths_with_their_sources() -> None:
    w3 = RULES["W3"]
    assert "reader comment" in w3.reasoning and "two weeks" in w3.reasoning
    assert "Willardson 2010" in w3.reasoning and "six weeks" in w3.reasoning
    assert "two weeks" not in w3.summary


def test_w4_treats_the_soreness_check_as_one_readers_view() -> None:
    w4 = RULES["W4"]
    assert "pushed past what it recovers from" not in w4.summary
    assert "in the commenter's view" in w4.reasoning
    assert "not a study" in w4.reasoning


@pytest.mark.parametrize("rule_id", ["A2", "A6"])
def test_project_extensions_are_called_the_projects_own(rule_id: str) -> None:
    assert "the project" in RULES[rule_id].reasoning.lower()
