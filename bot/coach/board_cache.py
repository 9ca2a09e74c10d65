"""A computed leaderboard as the coach keeps it, and as it is stored between processes.

:class:`KeptBoard` holds the board's kept order (each listed lifter's figure and first
training day, :class:`bot.domain.figures.KeptOrder`) plus what is needed to bring it up
to date later (see bot.coach.board_keeper). It is kept in memory per process, changed
in place lifter by lifter, and stored (JSON) in the database, so a process that starts,
or a shard that never showed a board, reads the stored one and recomputes only the
lifters that changed since, instead of the whole server.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, datetime

from bot.domain.figures import KeptOrder
from bot.domain.figures import OrderKey as Key

FORMAT = 4  # 2: first days (ties to the longer record); 3: the away cut-off; 4: kept order

Score = tuple[float, int] | None
"""A lifter's ``(figure, first day ordinal)``, or None when not listed."""


@dataclass
class Prepared:
    """The figures of one time zone's lifters for its next date, worked out before its
    midnight (see BoardKeeper.prepare_turns) and swapped in when the date turns.

    A lifter whose data changes after it was prepared is dropped from it (their figure
    is then computed when the date turns).
    """

    day: date
    scores: dict[str, Score]
    zones: dict[str, str]
    ahead: set[str]
    run: list[Key]  # the listed lifters' keys in the kept order, sorted (KeptOrder.run_of)
    whole: bool = True  # nobody was dropped since: it is swapped in as it is


@dataclass
class KeptBoard:
    """A computed board and what it was computed from.

    ``position`` and ``resets`` come from the storage's change stamps; ``todays`` is
    each time zone's date then; ``zones`` the zone of every lifter it holds a figure
    for (or read and left off); ``ahead`` the lifters with a training day after their
    own today (after moving zone), whose figure may move when their date does;
    ``order`` the listed lifters in board order; ``cutoff`` the instant before which a
    member's last log in the server put them off its boards when it was computed;
    ``prepared`` each zone's figures for its next date, when worked out ahead (kept in
    memory only).
    """

    position: int
    resets: int
    todays: dict[str, date]
    zones: dict[str, str]
    ahead: set[str]
    order: KeptOrder
    cutoff: datetime
    prepared: dict[str, Prepared] = field(default_factory=dict)

    def forget(self, users: set[str]) -> None:
        """Drop ``users`` from every prepared zone: their data changed since."""
        for prepared in self.prepared.values():
            for user in users & prepared.scores.keys():
                del prepared.scores[user]
                prepared.whole = False


def dump(board: KeptBoard) -> str:
    """The board as JSON: the lifters, figures and first days as three lists in board
    order (read back without sorting or a step per lifter), the lifters by zone."""
    users, values, firsts = board.order.columns()
    by_zone: dict[str, list[str]] = {}
    for user, zone in board.zones.items():
        by_zone.setdefault(zone, []).append(user)
    return json.dumps({
        "format": FORMAT, "position": board.position, "resets": board.resets,
        "todays": {zone: day.isoformat() for zone, day in board.todays.items()},
        "zones": by_zone, "ahead": sorted(board.ahead), "users": users,
        "values": values, "firsts": firsts,
        "cutoff": board.cutoff.isoformat(),
    }, separators=(",", ":"))


def load(payload: str) -> KeptBoard | None:
    """The stored board, or None when it is unreadable or of another format."""
    try:
        raw = json.loads(payload)
        if raw.get("format") != FORMAT:
            return None
        return KeptBoard(
            position=int(raw["position"]), resets=int(raw["resets"]),
            todays={str(z): date.fromisoformat(d) for z, d in raw["todays"].items()},
            zones=_zones(raw["zones"]),
            ahead={str(u) for u in raw["ahead"]},
            order=_order(raw["users"], raw["values"], raw["firsts"]),
            cutoff=datetime.fromisoformat(raw["cutoff"]),
        )
    except (ValueError, TypeError, KeyError, AttributeError):
        return None


def _zones(raw: dict[str, list[str]]) -> dict[str, str]:
    zones: dict[str, str] = {}
    for zone, users in raw.items():
        zones.update(dict.fromkeys(map(str, users), str(zone)))
    return zones


def _order(users: list[str], values: list[float], firsts: list[int]) -> KeptOrder:
    """The stored order (a wrong type fails here, as unreadable, not in a later request)."""
    if not len(users) == len(values) == len(firsts):
        raise ValueError("a stored order's lists differ in length")
    return KeptOrder.in_order(list(map(str, users)), list(map(float, values)),
                              list(map(int, firsts)))
