"""Ranking lifters for a server's leaderboards.

Competition ranking ("1224"): lifters with equal values share a rank and the
next rank skips the places they fill (100, 90, 90, 80 rank 1, 2, 2, 4). Two
values also tie when they differ only by floating-point noise (a gap of at
most ``TIE_TOLERANCE * (1 + abs(value))``), so one ratio reached by different
sums never splits a tie. Within a tie lifters are listed by user id:
all-digit ids (Discord ids) first, in numeric order (for ids without leading
zeros), then any other ids as text. Lifters whose value is None, NaN or
infinite are not ranked.

Ties go to the longer record: given ``longer`` (each lifter's record length, any
measure that grows with it; the boards pass minus the ordinal of the first
training day), equal values are ordered longest record first, and only lifters
with equal values *and* equal records share a place (a lifter missing from
``longer`` counts as the shortest record). A short record can therefore never
share a place with, or rank above, a longer one at the same value.

Speed: :func:`rank` sorts the values once and orders ties by id either tie by
tie (few ties) or with one sort of every id beforehand (many ties). The
:class:`Standing` objects are made when read, so a board of 10,000 lifters
ranks in a few milliseconds and a page or one lifter's standing is read
without building the rest.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import cast, overload

TIE_TOLERANCE = 1e-9


@dataclass(frozen=True, slots=True)
class Standing:
    user_id: str
    value: float
    rank: int


@dataclass(frozen=True, slots=True)
class Page:
    """One page of a leaderboard; ``page`` is 1-based and ``pages`` is at least 1."""

    items: tuple[Standing, ...]
    page: int
    pages: int
    total: int
    per_page: int


class Ranking(Sequence[Standing]):
    """A read-only, ordered leaderboard: best first, one :class:`Standing` per lifter.

    Behaves as a sequence (indexing, slicing to a list, iteration, ``len``) and
    compares equal to any sequence holding the same standings.
    """

    __slots__ = ("_index", "_ranks", "_user_ids", "_values")

    def __init__(self, user_ids: list[str], values: list[float], ranks: list[int]) -> None:
        if not len(user_ids) == len(values) == len(ranks):
            raise ValueError("user_ids, values and ranks must have the same length")
        self._user_ids = user_ids
        self._values = values
        self._ranks = ranks
        self._index: dict[str, int] | None = None

    def __len__(self) -> int:
        return len(self._user_ids)

    @overload
    def __getitem__(self, index: int) -> Standing: ...

    @overload
    def __getitem__(self, index: slice) -> list[Standing]: ...

    def __getitem__(self, index: int | slice) -> Standing | list[Standing]:
        if isinstance(index, slice):
            return list(
                map(Standing, self._user_ids[index], self._values[index], self._ranks[index])
            )
        return Standing(self._user_ids[index], self._values[index], self._ranks[index])

    def __iter__(self) -> Iterator[Standing]:
        return map(Standing, self._user_ids, self._values, self._ranks)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Ranking):
            return (
                self._user_ids == other._user_ids
                and self._values == other._values
                and self._ranks == other._ranks
            )
        if isinstance(other, Sequence) and not isinstance(other, str | bytes):
            return list(self) == list(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"Ranking({list(self)!r})"

    def of(self, user_id: str) -> Standing | None:
        """The standing of ``user_id``, or None when unranked."""
        if self._index is None:
            self._index = {u: i for i, u in enumerate(self._user_ids)}
        i = self._index.get(user_id)
        return None if i is None else self[i]


def _is_digit_id(user_id: str) -> bool:
    return user_id.isascii() and user_id.isdecimal()


def _all_digit_ids(user_ids: list[str]) -> bool:
    joined = "".join(user_ids)
    return joined.isascii() and joined.isdecimal()


def _tie_order(user_ids: list[str], all_digit_ids: bool) -> list[str]:
    """``user_ids`` sorted in tie order (see the module docstring)."""
    user_ids.sort()
    if all_digit_ids:
        # For digit strings without leading zeros, length then text is numeric order.
        user_ids.sort(key=len)
        return user_ids
    digits = [u for u in user_ids if _is_digit_id(u)]
    digits.sort(key=len)
    return digits + [u for u in user_ids if not _is_digit_id(u)]


def _rankable(values: Mapping[str, float | None]) -> dict[str, float]:
    """The values that can be ranked: not None, NaN or infinite."""
    try:
        # One pass in C: a None raises, a NaN or infinity makes the sum non-finite.
        clean = math.isfinite(sum(cast("Iterable[float]", values.values())))
    except TypeError:
        clean = False
    if clean:
        return dict(cast("Mapping[str, float]", values))
    return {u: v for u, v in values.items() if v is not None and math.isfinite(v)}


def rank(
    values: Mapping[str, float | None], *, descending: bool = True,
    longer: Mapping[str, float] | None = None,
) -> Ranking:
    """Rank lifters by value, best first (highest first unless ``descending=False``);
    with ``longer``, ties go to the longer record (see the module docstring)."""
    scores = _rankable(values)
    if longer is not None:
        return _rank_by_record(scores, descending, longer)
    by_value = scores.__getitem__
    order = list(scores)
    # With many equal values, put every id in tie order first: the value sort below is
    # stable (also reversed), so equal values keep that order. With few, sort each tie later.
    many_ties = 4 * (len(order) - len(set(scores.values()))) > len(order)
    if many_ties:
        order = _tie_order(order, _all_digit_ids(order))
    order.sort(key=by_value, reverse=descending)

    ranks: list[int] = []
    ties: list[tuple[int, int, bool]] = []  # (start, end, values differ by noise) per tie
    start = 0
    noisy = False
    previous = math.nan
    for position, value in enumerate(map(by_value, order)):
        if value != previous:
            # Sorted finite values: a new value starts a new tie unless the gap is only noise.
            if abs(value - previous) <= TIE_TOLERANCE * (1.0 + abs(value)):
                noisy = True
            else:
                if position - start > 1:
                    ties.append((start, position, noisy))
                start = position
                noisy = False
        ranks.append(start + 1)
        previous = value
    if len(order) - start > 1:
        ties.append((start, len(order), noisy))

    unordered = [(first, end) for first, end, noise in ties if noise or not many_ties]
    if unordered:
        all_digit_ids = _all_digit_ids(order)
        for first, end in unordered:
            order[first:end] = _tie_order(order[first:end], all_digit_ids)
    return Ranking(order, list(map(by_value, order)), ranks)


def _rank_by_record(
    scores: dict[str, float], descending: bool, longer: Mapping[str, float]
) -> Ranking:
    """:func:`rank` with ties going to the longer record."""
    records = {u: longer.get(u, -math.inf) for u in scores}
    order = _tie_order(list(scores), _all_digit_ids(list(scores)))
    # Two stable sorts: by record, then by value; equal values keep record, then id order.
    order.sort(key=records.__getitem__, reverse=True)
    order.sort(key=scores.__getitem__, reverse=descending)
    values = list(map(scores.__getitem__, order))
    if _has_noise(scores.values()):
        _order_noise_runs(order, values, scores, records)
    ranks: list[int] = []
    place = 1
    previous_value, previous_record = math.nan, math.nan
    for position, user in enumerate(order):
        value, record = values[position], records[user]
        if record != previous_record or (
                value != previous_value
                and abs(value - previous_value) > TIE_TOLERANCE * (1.0 + abs(value))):
            place = position + 1
        ranks.append(place)
        previous_value, previous_record = value, record
    return Ranking(order, values, ranks)


def _has_noise(values: Iterable[float]) -> bool:
    """Whether two distinct values lie within noise of each other (checked on the
    distinct values only: few, even on a large board)."""
    distinct = sorted(set(values))
    return any(b - a <= TIE_TOLERANCE * (1.0 + abs(b)) for a, b in pairwise(distinct))


def _order_noise_runs(order: list[str], values: list[float], scores: Mapping[str, float],
                      records: Mapping[str, float]) -> None:
    """Runs of values equal only up to noise, put in record order, then id order."""
    start = 0
    for position in range(1, len(values) + 1):
        if position < len(values):
            value, previous = values[position], values[position - 1]
            if abs(value - previous) <= TIE_TOLERANCE * (1.0 + abs(value)):
                continue
        if position - start > 1 and values[start] != values[position - 1]:
            run = _tie_order(order[start:position], _all_digit_ids(order[start:position]))
            run.sort(key=records.__getitem__, reverse=True)
            order[start:position] = run
            values[start:position] = map(scores.__getitem__, run)
        start = position


def leaderboard_page(standings: Sequence[Standing], page: int, per_page: int = 10) -> Page:
    """The ``page``-th page (1-based), clamped to the pages that exist."""
    if per_page < 1:
        raise ValueError(f"per_page must be at least 1, got {per_page}")
    total = len(standings)
    pages = max(1, -(-total // per_page))
    page = min(max(page, 1), pages)
    first = (page - 1) * per_page
    return Page(tuple(standings[first : first + per_page]), page, pages, total, per_page)


def rank_of(standings: Sequence[Standing], user_id: str) -> Standing | None:
    """The standing of ``user_id``, or None when unranked (quick on a Ranking or any
    board that can look a lifter up: ``of``)."""
    of = getattr(standings, "of", None)
    if callable(of):
        found: Standing | None = of(user_id)
        return found
    return next((s for s in standings if s.user_id == user_id), None)
