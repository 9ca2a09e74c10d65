"""New bests against the lifter's history, and the rep bests /stats lists."""

from __future__ import annotations

from bot.domain.figures import best_line, duration_best, frontier, new_bests, personal_records
from tests.domain.figures.builders import (
    CURL,
    PLANK,
    SQUAT,
    TODAY,
    ago,
    ent,
    st,
)


def lines(entry, history):  # type: ignore[no-untyped-def]
    return [best_line(b, entry.exercise.name, "kg", TODAY) for b in new_bests(entry, history)]


def test_a_heavier_load_than_ever_names_the_best_it_beat_and_its_date() -> None:
    history = [ent(SQUAT, [st(5, 100, 2)] * 3, ago(14)), ent(SQUAT, [st(5, 102.5, 2)] * 3, ago(7))]
    out = lines(ent(SQUAT, [st(5, 105, 2)] * 3), history)
    assert out[0] == ("New best: 105 kg × 5, the heaviest back squat you have logged "
                      "(before: 102.5 kg × 5, 4 Mar).")
    assert out[1].startswith("New best e1RM on back squat: 129.5 kg from 105 kg × 5 "
                             "(before: 126.5 kg, 4 Mar)")


def test_a_rep_best_below_the_heaviest_load() -> None:
    history = [ent(SQUAT, [st(3, 120, 1)], ago(20)), ent(SQUAT, [st(8, 90, 2)], ago(10))]
    out = lines(ent(SQUAT, [st(8, 95, 2)]), history)
    assert out[0] == "New 8-rep best on back squat: 95 kg × 8 (before: 90 kg × 8, 1 Mar)."


def test_a_first_rep_count_counts_only_when_nothing_heavier_was_done_for_more() -> None:
    history = [ent(CURL, [st(10, 15, 1)], ago(9))]
    assert lines(ent(CURL, [st(8, 12.5, 1)]), history) == []  # 15 × 10 implies it
    out = lines(ent(CURL, [st(12, 15, 1)]), history)
    assert out == ["New best: 15 kg × 12, your first loaded set of 12 on dumbbell curl."]


def test_nothing_is_a_best_on_a_first_log_or_when_history_holds_better() -> None:
    assert lines(ent(SQUAT, [st(5, 100, 2)]), []) == []
    history = [ent(SQUAT, [st(5, 110, 1)], ago(30))]
    assert lines(ent(SQUAT, [st(5, 105, 2)]), history) == []


def test_a_backdated_set_beaten_since_is_no_best() -> None:
    later = ent(SQUAT, [st(5, 110, 2)], ago(2))
    backdated = ent(SQUAT, [st(5, 105, 2)], ago(9))
    assert new_bests(backdated, [later, ent(SQUAT, [st(5, 100, 2)], ago(20))]) == ()


def test_timed_sets_have_no_rep_best_but_a_longest_hold() -> None:
    plank = [ent(PLANK, [st(None, None, seconds=60)] * 3, ago(3)),
             ent(PLANK, [st(None, None, seconds=90)])]
    assert [r for r in personal_records(plank) if r.kind == "rep_max"] == []
    assert new_bests(plank[1], plank[:1]) == ()
    best = duration_best(plank)
    assert best is not None and best.seconds == 90


def test_stats_rep_bests_keep_only_those_that_say_something() -> None:
    """Today /stats showed a 7-rep best below the 8-rep best; 110 × 8 implies 7 reps."""
    entries = [ent(SQUAT, [st(7, 100, 2)], ago(10)), ent(SQUAT, [st(8, 110, 2)], ago(3)),
               ent(SQUAT, [st(3, 130, 1)], ago(1))]
    reps = {(r.reps, r.load_kg) for r in personal_records(entries) if r.kind == "rep_max"}
    assert reps == {(8, 110.0), (3, 130.0)}
    assert len(frontier(personal_records(entries))) >= 2
