from __future__ import annotations

import math
import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.domain.figures.ranking import Page, Ranking, Standing, leaderboard_page, rank, rank_of


def _triples(standings: Ranking | list[Standing]) -> list[tuple[str, float, int]]:
    return [(s.user_id, s.value, s.rank) for s in standings]


@pytest.mark.parametrize(
    ("values", "descending", "expected"),
    [
        (
            {"1": 100.0, "2": 90.0, "3": 90.0, "4": 80.0},
            True,
            [("1", 100.0, 1), ("2", 90.0, 2), ("3", 90.0, 2), ("4", 80.0, 4)],
        ),
        (
            {"4": 80.0, "3": 90.0, "2": 90.0, "1": 100.0},
            True,
            [("1", 100.0, 1), ("2", 90.0, 2), ("3", 90.0, 2), ("4", 80.0, 4)],
        ),
        (
            {"1": 100.0, "2": 90.0, "3": 90.0, "4": 80.0},
            False,
            [("4", 80.0, 1), ("2", 90.0, 2), ("3", 90.0, 2), ("1", 100.0, 4)],
        ),
        (
            {"a": 5.0, "b": 5.0, "c": 5.0},
            True,
            [("a", 5.0, 1), ("b", 5.0, 1), ("c", 5.0, 1)],
        ),
        (
            {"x": 1.0, "y": 1.0, "z": 0.5, "w": 0.5, "v": 0.0},
            True,
            [("x", 1.0, 1), ("y", 1.0, 1), ("w", 0.5, 3), ("z", 0.5, 3), ("v", 0.0, 5)],
        ),
        ({}, True, []),
        ({"only": 0.0}, True, [("only", 0.0, 1)]),
    ],
)
def test_competition_ranking(
    values: dict[str, float], descending: bool, expected: list[tuple[str, float, int]]
) -> None:
    assert _triples(rank(values, descending=descending)) == expected


def test_ties_order_digit_ids_numerically_then_other_ids_as_text() -> None:
    ids = ["100", "9", "abc", "10", "Zed", "123456789012345678", "99999999999999999"]
    standings = rank(dict.fromkeys(ids, 1.0))
    assert [s.user_id for s in standings] == [
        "9",
        "10",
        "100",
        "99999999999999999",
        "123456789012345678",
        "Zed",
        "abc",
    ]
    assert {s.rank for s in standings} == {1}


def test_input_order_does_not_change_the_result() -> None:
    values = {str(i): float(i % 4) for i in range(40)}
    shuffled = list(values.items())
    random.Random(7).shuffle(shuffled)
    assert rank(values) == rank(dict(shuffled))


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (0.1 + 0.2, 0.3),
        (7 / 12, (0.5 + 2 / 3) / 2),
        (1e6 + 1e-4, 1e6 + 2e-4),
    ],
)
def test_floating_point_noise_does_not_split_a_tie(a: float, b: float) -> None:
    assert a != b
    standings = rank({"2": a, "1": b, "3": 0.0})
    # Tied lifters are listed by id even though the raw values differ slightly.
    assert [(s.user_id, s.rank) for s in standings] == [("1", 1), ("2", 1), ("3", 3)]
    assert rank_of(standings, "2") == Standing("2", a, 1)


def test_close_but_real_differences_are_not_ties() -> None:
    standings = rank({"a": 0.5, "b": 0.5 + 1e-6})
    assert _triples(standings) == [("b", 0.5 + 1e-6, 1), ("a", 0.5, 2)]


def test_none_nan_and_infinite_values_are_not_ranked() -> None:
    standings = rank({"a": None, "b": math.nan, "c": math.inf, "d": -math.inf, "e": 2.0})
    assert _triples(standings) == [("e", 2.0, 1)]
    assert rank_of(standings, "a") is None


def test_ranking_behaves_as_a_sequence() -> None:
    standings = rank({"1": 3.0, "2": 2.0, "3": 1.0})
    assert len(standings) == 3
    assert standings[0] == Standing("1", 3.0, 1)
    assert standings[-1] == Standing("3", 1.0, 3)
    assert standings[1:] == [Standing("2", 2.0, 2), Standing("3", 1.0, 3)]
    assert standings == [Standing("1", 3.0, 1), Standing("2", 2.0, 2), Standing("3", 1.0, 3)]
    assert standings != [Standing("1", 3.0, 1)]
    assert list(standings) == list(iter(standings))
    assert Standing("2", 2.0, 2) in standings
    with pytest.raises(IndexError):
        standings[3]


@pytest.mark.parametrize(
    ("total", "page", "per_page", "expected_page", "pages", "first_ids"),
    [
        (25, 1, 10, 1, 3, ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"]),
        (25, 3, 10, 3, 3, ["20", "21", "22", "23", "24"]),
        (25, 0, 10, 1, 3, ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"]),
        (25, 99, 10, 3, 3, ["20", "21", "22", "23", "24"]),
        (20, 2, 10, 2, 2, ["10", "11", "12", "13", "14", "15", "16", "17", "18", "19"]),
        (0, 1, 10, 1, 1, []),
        (5, 2, 2, 2, 3, ["2", "3"]),
    ],
)
def test_leaderboard_page(
    total: int, page: int, per_page: int, expected_page: int, pages: int, first_ids: list[str]
) -> None:
    standings = rank({str(i): float(-i) for i in range(total)})
    result = leaderboard_page(standings, page, per_page)
    assert isinstance(result, Page)
    assert result.page == expected_page
    assert result.pages == pages
    assert result.total == total
    assert result.per_page == per_page
    assert [s.user_id for s in result.items] == first_ids
    # A plain list of standings pages the same way.
    assert leaderboard_page(list(standings), page, per_page) == result


def test_leaderboard_page_rejects_an_empty_page_size() -> None:
    with pytest.raises(ValueError):
        leaderboard_page([], 1, 0)


def test_rank_of_on_a_ranking_and_on_a_list() -> None:
    standings = rank({"1": 100.0, "2": 90.0, "3": 90.0, "4": 80.0})
    assert rank_of(standings, "3") == Standing("3", 90.0, 2)
    assert rank_of(list(standings), "3") == Standing("3", 90.0, 2)
    assert rank_of(standings, "5") is None
    assert rank_of([], "1") is None


def test_noise_tie_among_many_ties_is_ordered_by_id() -> None:
    a, b = 0.1 + 0.2, 0.3
    standings = rank({"4": a, "3": b, "2": a, "1": b, "5": 0.0, "6": 0.0})
    assert [(s.user_id, s.rank) for s in standings] == [
        ("1", 1), ("2", 1), ("3", 1), ("4", 1), ("5", 5), ("6", 5),
    ]  # fmt: skip


def _reference_id_key(user_id: str) -> tuple[int, int, str]:
    if user_id.isascii() and user_id.isdigit():
        return (0, len(user_id), user_id)
    return (1, 0, user_id)


@given(
    st.dictionaries(
        st.text(alphabet="0123456789abZ", min_size=1, max_size=4),
        st.integers(0, 5) | st.integers(-(10**6), 10**6),
        max_size=40,
    ),
    st.booleans(),
)
def test_ranking_matches_a_plain_reference(values: dict[str, int], descending: bool) -> None:
    floats = {u: float(v) for u, v in values.items()}
    standings = rank(floats, descending=descending)
    sign = -1.0 if descending else 1.0
    expected_order = sorted(floats, key=lambda u: (sign * floats[u], _reference_id_key(u)))
    assert [s.user_id for s in standings] == expected_order
    for s in standings:
        better = sum(1 for v in floats.values() if sign * v < sign * s.value)
        assert s.rank == 1 + better
        assert s.value == floats[s.user_id]



# ----------------------------------------------------------------- ties to the longer record


def test_ties_go_to_the_longer_record() -> None:
    values = {"short": 1.0, "long": 1.0, "also_long": 1.0, "low": 0.5}
    standings = rank(values, longer={"short": 2, "long": 9, "also_long": 9, "low": 99})
    assert _triples(standings) == [("also_long", 1.0, 1), ("long", 1.0, 1),
                                   ("short", 1.0, 3), ("low", 0.5, 4)]
    # A lifter without a known record counts as the shortest.
    assert [s.user_id for s in rank({"a": 1.0, "b": 1.0}, longer={"b": 0})] == ["b", "a"]


def test_a_noise_tie_goes_to_the_longer_record_too() -> None:
    standings = rank({"1": 0.1 + 0.2, "2": 0.3}, longer={"1": 1, "2": 5})
    assert [(s.user_id, s.rank) for s in standings] == [("2", 1), ("1", 2)]


@given(
    st.dictionaries(st.text(alphabet="0123456789ab", min_size=1, max_size=3),
                    st.tuples(st.integers(0, 3), st.integers(0, 3)), max_size=30),
)
def test_ranking_with_records_matches_a_plain_reference(
    data: dict[str, tuple[int, int]]
) -> None:
    values = {u: float(v) for u, (v, _) in data.items()}
    records = {u: float(r) for u, (_, r) in data.items()}
    standings = rank(values, longer=records)
    expected = sorted(data, key=lambda u: (-values[u], -records[u], _reference_id_key(u)))
    assert [s.user_id for s in standings] == expected
    for s in standings:
        better = sum(1 for u in data if (values[u], records[u]) > (s.value, records[s.user_id]))
        assert s.rank == 1 + better
