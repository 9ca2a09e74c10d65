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
