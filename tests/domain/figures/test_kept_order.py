"""A board's kept order, changed lifter by lifter, reads as the board ranked afresh."""

from __future__ import annotations

import random

from bot.domain.figures import KeptOrder, leaderboard_page, rank

Scores = dict[str, tuple[float, int]]
VALUES = (0.25, 1 / 3, 0.5, 2 / 3, 1.0, 3.0)


def _afresh(scores: Scores) -> list[tuple[str, float, int]]:
    ranking = rank({u: v for u, (v, _) in scores.items()},
                   longer={u: -first for u, (_, first) in scores.items()})
    return [(s.user_id, s.value, s.rank) for s in ranking]


def _read(order: KeptOrder) -> list[tuple[str, float, int]]:
    return [(s.user_id, s.value, s.rank) for s in order]


def _changes(rng: random.Random, size: int) -> dict[str, tuple[float, int] | None]:
    changes: dict[str, tuple[float, int] | None] = {}
    for _ in range(size):
        user = str(rng.randrange(300)) if rng.random() < 0.85 else f"guest{rng.randrange(9)}"
        if rng.random() < 0.15:
            changes[user] = None  # off the board: opted out, left, lapsed
            continue
        value = rng.choice(VALUES)
        if rng.random() < 0.3:  # one ratio reached by different sums
            value += rng.choice((1e-16, -1e-16, 2e-12))
        changes[user] = (value, 740_000 + rng.randrange(4))
    return changes


def test_random_changes_keep_the_order_of_a_board_ranked_afresh() -> None:
    rng = random.Random(3)
    for _ in range(120):
        order, scores = KeptOrder(), Scores()
        for _ in range(rng.randint(1, 6)):
            changes = _changes(rng, rng.choice((1, 4, 100)))  # one by one, and merged
            order.update(changes)
            for user, score in changes.items():
                if score is None:
                    scores.pop(user, None)
                else:
                    scores[user] = score
            board = _afresh(scores)
            assert _read(order) == board
            assert len(order) == len(board)
            for user, value, place in rng.sample(board, min(5, len(board))):
                standing = order.of(user)
                assert standing is not None and (standing.value, standing.rank) == (value,
                                                                                    place)
            page = rng.randint(1, max(1, -(-len(board) // 10)))
            shown = leaderboard_page(order, page, 10).items
            assert [(s.user_id, s.value, s.rank) for s in shown] == board[(page - 1) * 10:][:10]


def test_a_page_shows_shared_places_as_the_whole_board_does() -> None:
    order = KeptOrder({"1": (0.5, 10), "2": (0.5, 10), "3": (0.5, 10), "4": (0.25, 9)})
    assert [(s.user_id, s.rank) for s in order[1:4]] == [("2", 1), ("3", 1), ("4", 4)]
    order.update({"2": (0.75, 10)})  # only lifter 2 moves
    assert [(s.user_id, s.rank) for s in order] == [("2", 1), ("1", 2), ("3", 2), ("4", 4)]
    order.update({"1": None, "4": (float("nan"), 9)})
    assert [s.user_id for s in order] == ["2", "3"] and order.of("1") is None
