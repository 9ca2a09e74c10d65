"""What a log keeps of a lift's history (its recall) answers as the whole history does:
the new bests, the next-time line and the heaviest load; and the calibration's kept
pairs with the recent weeks give the calibration of every entry."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import timedelta

import pytest

from bot.domain.figures import (
    MATCH_DAYS,
    RECALL_SESSIONS,
    KnownPairs,
    new_bests,
    next_time,
    recall_of,
    rir_calibration,
    rir_pairs,
)
from bot.domain.models import Profile, SetRecord, StoredEntry
from tests.domain.figures.builders import BENCH, CURL, SQUAT, TODAY, ago, ent, st


def random_set(rng: random.Random) -> SetRecord:
    kind = rng.random()
    if kind < 0.05:
        return st(reps=None, load=rng.choice((None, 20.0)), seconds=60.0)
    load = rng.choice((None, *(float(x) for x in range(40, 121, 5))))
    effort = rng.random()
    return SetRecord(
        reps=rng.randint(1, 12), load_kg=load, bodyweight=rng.random() < 0.1,
        rir=None if effort < 0.3 else float(rng.choice((0.5, 1, 2, 2.5, 3, 4))),
        failure=0.3 <= effort < 0.45, amrap=rng.random() < 0.1,
        warmup=rng.random() < 0.1, planned_max=rng.random() < 0.05,
        technique="dropset" if rng.random() < 0.03 else None)


def history(rng: random.Random, days: int = 400, lift: object = SQUAT) -> list[StoredEntry]:
    out = []
    for back in sorted(rng.sample(range(1, days), k=days // 6), reverse=True):
        out.append(ent(lift, [random_set(rng) for _ in range(rng.randint(1, 5))],  # type: ignore[arg-type]
                       ago(back)))
    return out


@pytest.mark.parametrize("seed", range(12))
def test_new_bests_and_next_time_from_a_recall_are_those_of_the_whole_history(
    seed: int,
) -> None:
    rng = random.Random(seed)
    past = history(rng)
    kept = recall_of(past[: len(past) // 2])
    for entry in past[len(past) // 2:]:
        kept = recall_of([entry], kept)
    for _ in range(20):
        fresh = ent(SQUAT, [random_set(rng) for _ in range(3)])
        assert new_bests(fresh, [*kept.bests, *kept.sessions]) == new_bests(fresh, past)
        profile = Profile(goal=rng.choice(("strength", "general", "hypertrophy")))
        assert next_time([*kept.sessions, fresh], TODAY, profile) == next_time(
            [*past, fresh], TODAY, profile)


def test_a_recall_updated_log_by_log_is_the_recall_of_the_whole_history() -> None:
    rng = random.Random(7)
    past = history(rng)
    kept = recall_of(past[:10])
    for entry in past[10:]:
        kept = recall_of([entry], kept)
    whole = recall_of(past)
    assert kept.heaviest == whole.heaviest
    assert {(e.entry_id, e.sets) for e in kept.bests} == {
        (e.entry_id, e.sets) for e in whole.bests}
    assert [(e.entry_id, e.sets) for e in kept.sessions] == [
        (e.entry_id, e.sets) for e in whole.sessions]
    assert len({e.local_date for e in kept.sessions}) == RECALL_SESSIONS


def test_the_heaviest_load_is_of_working_sets_only() -> None:
    entries = [ent(SQUAT, [st(3, 150.0)], ago(300)),
               ent(SQUAT, [st(5, 200.0, warmup=True), st(5, 120.0)], ago(1)),
               ent(SQUAT, [st(reps=None, load=None, seconds=60.0)])]
    assert recall_of(entries).heaviest == 150.0
    assert recall_of([]).heaviest is None
    assert recall_of([ent(SQUAT, [st(5, 160.0)])], recall_of(entries)).heaviest == 160.0


def test_a_best_is_kept_from_its_first_day_and_entry() -> None:
    first, again = ent(CURL, [st(10, 20.0, 1)], ago(30)), ent(CURL, [st(10, 20.0, 1)], ago(2))
    kept = recall_of([again, first])
    assert [e.entry_id for e in kept.bests] == [first.entry_id]
    fresh = ent(CURL, [st(10, 22.5, 1)])
    (best,) = new_bests(fresh, [*kept.bests])
    assert best.before is not None and best.before.local_date == first.local_date


@pytest.mark.parametrize("seed", range(8))
def test_kept_pairs_and_the_recent_weeks_give_the_calibration_of_every_entry(
    seed: int,
) -> None:
    rng = random.Random(100 + seed)
    entries = []
    for back in range(400, 0, -1):
        if rng.random() < 0.3:
            lift = rng.choice((SQUAT, BENCH, CURL))
            load = float(rng.choice((60, 80, 100)))
            sets = [st(rng.randint(3, 10), load, float(rng.choice((1, 2, 3))))
                    if rng.random() < 0.6 else st(rng.randint(4, 14), load, f=True)]
            entries.append(ent(lift, sets, ago(back)))
    before = ago(rng.randint(7, 60))
    known = KnownPairs(before, tuple(p for p in rir_pairs(entries) if p.tested_on < before))
    recent = [e for e in entries if e.local_date >= before - timedelta(days=MATCH_DAYS)]
    assert rir_calibration(recent, known) == replace_pairs(rir_calibration(entries), known)


def replace_pairs(found: object, known: KnownPairs) -> object:
    """The whole history's calibration, its pairs in the order the kept ones come in."""
    if found is None:
        return None
    pairs = found.pairs  # type: ignore[attr-defined]
    ordered = (*(p for p in pairs if p.tested_on < known.before),
               *(p for p in pairs if p.tested_on >= known.before))
    return replace(found, pairs=ordered)  # type: ignore[type-var]
