"""A leaderboard's order kept between changes: only the lifters who change move.

:class:`KeptOrder` holds each ranked lifter's value and record (the ordinal of their
first training day) and a list sorted by ``(-value, first day, tie id)``. A change
takes the changed lifters out (bisect) and puts them back at their new place; nobody
else is compared again. Many changes at once (a time zone's week turning) take the
changed lifters out in one pass and merge them back in their own sorted run.

The order and places are exactly those of :func:`bot.domain.figures.ranking.rank` with
``longer`` = minus the first day (ties to the longer record, then by id; values equal
up to floating-point noise tie). Noise is settled when read: a *run* is a stretch of
the sorted list whose neighbours lie within noise of each other (equal values
included). A run always begins a new place, so a page is read by widening it to the
runs it touches and settling only those: reading a page or a lifter's standing costs
the size of the runs touched, never the whole board.
"""

from __future__ import annotations

import math
from bisect import bisect_left, insort
from collections.abc import Iterator, Mapping, Sequence
from operator import le, neg
from typing import overload

from bot.domain.figures.ranking import TIE_TOLERANCE, Standing

Key = tuple[float, int, int, int, str]
"""``(-value, first day ordinal, 0 and the id's length for an all-digit id or 1 and 0,
id)``: best first; all-digit ids (Discord's) tie in numeric order, before any other."""

_ONE_BY_ONE = 64  # this many changes (or a 16th of the board) move one by one; more merge


def _key(user_id: str, value: float, first: int) -> Key:
    if user_id.isascii() and user_id.isdecimal():
        return (-value, first, 0, len(user_id), user_id)
    return (-value, first, 1, 0, user_id)


def _near(previous: float, current: float) -> bool:
    """Whether ``current``, next after ``previous`` in order, differs from it by noise only."""
    return abs(current - previous) <= TIE_TOLERANCE * (1.0 + abs(current))


class KeptOrder(Sequence[Standing]):
    """A ranked board that is updated in place; reads as a sequence of standings."""

    __slots__ = ("_keys", "_scores", "_settled")

    def __init__(self, scores: Mapping[str, tuple[float, int]] | None = None) -> None:
        self._scores: dict[str, tuple[float, int]] = {}
        self._keys: list[Key] = []
        # Runs with noise settled since the last change (read again on every view).
        self._settled: dict[tuple[int, int], list[Standing]] = {}
        if scores:
            self.update(scores)

    # changes -------------------------------------------------------------------------

    def update(self, changes: Mapping[str, tuple[float, int] | None]) -> None:
        """Set each changed lifter's ``(value, first day)``; None takes them off."""
        moving = {u: (s if s is not None and math.isfinite(s[0]) else None)
                  for u, s in changes.items()}
        moving = {u: s for u, s in moving.items() if self._scores.get(u) != s}
        if not moving:
            return
        self._settled.clear()
        if len(moving) <= max(_ONE_BY_ONE, len(self._keys) // 16):
            for user, score in moving.items():
                self._move(user, score)
            return
        self.merge(moving, self.run_of(moving))

    @staticmethod
    def run_of(changes: Mapping[str, tuple[float, int] | None]) -> list[Key]:
        """The keys of the listed lifters among ``changes``, sorted: made ahead of time
        (a zone's next midnight), so :meth:`merge` has only the merging left."""
        return sorted(_key(u, *s) for u, s in changes.items()
                      if s is not None and math.isfinite(s[0]))

    def merge(self, changes: Mapping[str, tuple[float, int] | None], run: list[Key]) -> None:
        """:meth:`update` with ``run`` = :meth:`run_of` ``changes``: the changed lifters
        come out in one pass and ``run`` is merged in."""
        self._settled.clear()
        keys = [k for k in self._keys if k[4] not in changes]
        for user, score in changes.items():
            if score is None or not math.isfinite(score[0]):
                self._scores.pop(user, None)
            else:
                self._scores[user] = score
        keys.extend(run)
        keys.sort()  # two sorted runs: one merge
        self._keys = keys

    def _move(self, user: str, score: tuple[float, int] | None) -> None:
        old = self._scores.pop(user, None)
        if old is not None:
            del self._keys[bisect_left(self._keys, _key(user, *old))]
        if score is not None:
            self._scores[user] = score
            insort(self._keys, _key(user, *score))

    @classmethod
    def in_order(cls, users: list[str], values: list[float], firsts: list[int]) -> KeptOrder:
        """A kept order from its lifters, figures and first days already in board order
        (as :meth:`columns` gives them): a stored board is read back without sorting."""
        order = cls()
        if len(users) == len(values) == len(firsts):
            joined = "".join(users)
            if joined.isascii() and joined.isdecimal():
                kinds, lengths = [0] * len(users), list(map(len, users))
            else:
                digits = [u.isascii() and u.isdecimal() for u in users]
                kinds = [0 if d else 1 for d in digits]
                lengths = [len(u) if d else 0 for u, d in zip(users, digits, strict=True)]
            order._keys = list(zip(map(neg, values), firsts, kinds, lengths, users, strict=True))
            if not all(map(le, order._keys, order._keys[1:])):
                order._keys.sort()  # not in order after all: sort rather than trust it
            order._scores = dict(zip(users, zip(values, firsts, strict=True), strict=True))
        return order

    def columns(self) -> tuple[list[str], list[float], list[int]]:
        """The ranked lifters, their figures and first days, in kept order."""
        keys = self._keys
        return [k[4] for k in keys], [-k[0] for k in keys], [k[1] for k in keys]

    def copy(self) -> KeptOrder:
        twin = KeptOrder()
        twin._scores = dict(self._scores)
        twin._keys = list(self._keys)
        return twin

    @property
    def scores(self) -> Mapping[str, tuple[float, int]]:
        """Each ranked lifter's ``(value, first day ordinal)``."""
        return self._scores

    # reading -------------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self._keys)

    @overload
    def __getitem__(self, index: int) -> Standing: ...

    @overload
    def __getitem__(self, index: slice) -> list[Standing]: ...

    def __getitem__(self, index: int | slice) -> Standing | list[Standing]:
        if isinstance(index, slice):
            start, stop, step = index.indices(len(self._keys))
            if step != 1:
                return self._read(0, len(self._keys))[index]
            return self._read(start, stop) if start < stop else []
        position = index + len(self._keys) if index < 0 else index
        if not 0 <= position < len(self._keys):
            raise IndexError("standing index out of range")
        return self._read(position, position + 1)[0]

    def __iter__(self) -> Iterator[Standing]:
        return iter(self._read(0, len(self._keys)))

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Sequence) and not isinstance(other, str | bytes):
            return list(self) == list(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"KeptOrder({list(self)!r})"

    def of(self, user_id: str) -> Standing | None:
        """The standing of ``user_id``, or None when unranked."""
        score = self._scores.get(user_id)
        if score is None:
            return None
        position = bisect_left(self._keys, _key(user_id, *score))
        found = self._read(position, position + 1)[0]
        if found.user_id == user_id:
            return found
        lo, hi = self._runs_around(position, position + 1)  # moved by noise within its run
        return next(s for s in self._settle(lo, hi) if s.user_id == user_id)

    def _read(self, start: int, stop: int) -> list[Standing]:
        """Standings ``start..stop``: a stretch of equal values with no noisy neighbour
        is read directly (a place is where its first day begins in it, by bisect); a
        run with noise is settled whole."""
        keys = self._keys
        out: list[Standing] = []
        position = start
        while position < stop:
            value = keys[position][0]
            left = bisect_left(keys, (value,), 0, position + 1)
            right = bisect_left(keys, (value, math.inf), position)
            if (left > 0 and _near(-keys[left - 1][0], -value)) or (
                    right < len(keys) and _near(-value, -keys[right][0])):
                lo, hi = self._runs_around(position, position + 1)
                end = min(stop, hi)
                out.extend(self._settle(lo, hi)[position - lo: end - lo])
                position = end
                continue
            end = min(stop, right)
            group, place = -1, 0
            for key in keys[position:end]:
                if key[1] != group:
                    group = key[1]
                    place = bisect_left(keys, (value, group), left, right) + 1
                out.append(Standing(key[4], -value, place))
            position = end
        return out

    def _runs_around(self, start: int, stop: int) -> tuple[int, int]:
        """``start..stop`` widened to whole runs (see the module docstring)."""
        keys = self._keys
        lo, hi = start, stop
        while lo > 0 and _near(-keys[lo - 1][0], -keys[lo][0]):
            lo -= 1
        while hi < len(keys) and _near(-keys[hi - 1][0], -keys[hi][0]):
            hi += 1
        return lo, hi

    def _settle(self, lo: int, hi: int) -> list[Standing]:
        """The standings of whole runs ``lo..hi``: noise runs ordered by record, then id."""
        settled = self._settled.get((lo, hi))
        if settled is None:
            settled = self._settled[lo, hi] = self._settle_now(lo, hi)
        return settled

    def _settle_now(self, lo: int, hi: int) -> list[Standing]:
        keys = self._keys
        out: list[Standing] = []
        start = lo
        for position in range(lo + 1, hi + 1):
            if position < hi and _near(-keys[position - 1][0], -keys[position][0]):
                continue
            run = keys[start:position]
            if run[0][0] != run[-1][0]:  # values apart by noise only: record, then id
                run = sorted(run, key=lambda k: k[1:])
            place = start + 1
            previous = run[0]
            for offset, key in enumerate(run):
                if key[1] != previous[1] or not _near(-previous[0], -key[0]):
                    place = start + offset + 1
                out.append(Standing(key[4], -key[0], place))
                previous = key
            start = position
        return out
