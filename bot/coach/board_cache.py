"""A computed leaderboard as the coach keeps it, and as it is stored between processes.

:class:`KeptBoard` holds each listed lifter's figure plus what is needed to bring
it up to date later (see bot.coach.boards). It is kept in memory per process and
stored (JSON) in the database, so a process that starts, or a shard that never
showed a board, reads the stored one and recomputes only the lifters that changed
since, instead of the whole server.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime

from bot.domain.figures import Ranking, rank

FORMAT = 3  # 2: first training days (ties to the longer record); 3: the away cut-off


@dataclass(frozen=True)
class KeptBoard:
    """A computed board and what it was computed from.

    ``position`` and ``resets`` come from the storage's change stamps; ``todays`` is
    each time zone's date then; ``zones`` the zone of every lifter it holds a figure
    for (or read and left off); ``ahead`` the lifters with a training day after their
    own today (after moving zone), whose figure may move when their date does;
    ``firsts`` the ordinal of each ranked lifter's first training day, so ties go to
    the longer record (:func:`ranked`); ``cutoff`` the instant before which a
    member's last log in the server put them off its boards when it was computed.
    """

    position: int
    resets: int
    todays: dict[str, date]
    zones: dict[str, str]
    ahead: frozenset[str]
    values: dict[str, float]
    firsts: dict[str, int]
    cutoff: datetime
    ranking: Ranking


def ranked(values: dict[str, float], firsts: dict[str, int]) -> Ranking:
    """The board's ranking: by value, ties to the earlier first training day."""
    return rank(values, longer={u: -first for u, first in firsts.items()})


def dump(board: KeptBoard) -> str:
    return json.dumps({
        "format": FORMAT, "position": board.position, "resets": board.resets,
        "todays": {zone: day.isoformat() for zone, day in board.todays.items()},
        "zones": board.zones, "ahead": sorted(board.ahead), "values": board.values,
        "firsts": board.firsts, "cutoff": board.cutoff.isoformat(),
    }, separators=(",", ":"))


def load(payload: str) -> KeptBoard | None:
    """The stored board, or None when it is unreadable or of another format."""
    try:
        raw = json.loads(payload)
        if raw.get("format") != FORMAT:
            return None
        values = {str(u): float(v) for u, v in raw["values"].items()}
        firsts = {str(u): int(v) for u, v in raw["firsts"].items()}
        return KeptBoard(
            position=int(raw["position"]), resets=int(raw["resets"]),
            todays={str(z): date.fromisoformat(d) for z, d in raw["todays"].items()},
            zones={str(u): str(z) for u, z in raw["zones"].items()},
            ahead=frozenset(str(u) for u in raw["ahead"]),
            values=values, firsts=firsts, cutoff=datetime.fromisoformat(raw["cutoff"]),
            ranking=ranked(values, firsts),
        )
    except (ValueError, TypeError, KeyError, AttributeError):
        return None
