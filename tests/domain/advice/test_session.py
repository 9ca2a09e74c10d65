"""One reply per message: the choice, the order, the merges, the premises, the variety."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

from bot.domain.advice import SessionReply, advise_session
from bot.domain.models import Goal, Profile, Soreness, StoredEntry
from tests.domain.figures.builders import (
    BENCH,
    CALF,
    CURL,
    FLY,
    LEG_CURL,
    LEG_PRESS,
    NOW,
    PLANK,
    SQUAT,
    TODAY,
    ago,
    at,
    ent,
    st,
)


def reply(fresh: Sequence[StoredEntry], history: Sequence[StoredEntry] = (), *,
          goal: Goal = "general", soreness: Sequence[Soreness] = (),
          now: datetime = NOW, profile: Profile | None = None) -> SessionReply:
    return advise_session(fresh, history, profile or Profile(goal=goal), soreness, now)


def tags(r: SessionReply) -> list[str]:
    return [item.text.split("] ", 1)[0] + "]" for item in r.items]


def test_one_item_per_rule_naming_every_exercise_it_applies_to() -> None:
    r = reply([ent(LEG_CURL, [st(12, 40, 3)] * 3), ent(CALF, [st(12, 60, 3)] * 4),
               ent(CURL, [st(12, 12, 3)] * 3)])
    assert [i.rule_ids for i in r.items] == [("A3",)]
    assert r.items[0].text.startswith(
        "[A3] Push the last set of leg curl, standing calf raise and dumbbell curl to failure")


def test_at_most_three_items_most_important_first_and_the_rest_named() -> None:
    history = [ent(SQUAT, [st(5, 100, f=True)], ago(1)),  # W2
               ent(SQUAT, [st(5, 100, f=True)], ago(5)), ent(SQUAT, [st(5, 100, f=True)], ago(10))]
    fresh = [ent(SQUAT, [st(5, 100, 2), st(5, 100, f=True)]),
             ent(BENCH, [st(5, 80, 2), st(5, 80, f=True)]),
             ent(LEG_CURL, [st(12, 40, 3)] * 3)]
    r = reply(fresh, history, goal="strength")
    assert len(r.items) == 3
    assert [i.rule_ids[0] for i in r.items] == ["W3", "W2", "W1"]
    assert set(r.left_out) >= {"W8", "A6", "A3"}
    assert r.left_out[0] == "W8"  # the next in importance


def test_rules_that_say_the_same_thing_about_one_lift_merge() -> None:
    history = [ent(SQUAT, [st(5, 100, f=True)], ago(4))]
    r = reply([ent(SQUAT, [st(5, 100, f=True)] * 2)], history)
    assert r.items[0].rule_ids == ("W1", "A1", "A4")
    assert r.items[0].text.startswith("[W1][A1][A4] A lot of failure work this week on back squat")
    assert len(r.items) == 1


def test_w7_only_for_an_estimated_effort() -> None:
    assert reply([ent(CURL, [st(15, 12, 2)] * 3)]).rule_ids == ("A3", "W7")
    assert "W7" in reply([ent(CURL, [st(10, 12, 5)] * 3)]).rule_ids
    for sets in ([st(15, 12, f=True)] * 3, [st(15, 12, amrap=True)],
                 [st(15, 12)] * 3, [st(None, None, 6, seconds=60)]):
        assert "W7" not in reply([ent(CURL if sets[0].seconds is None else PLANK, sets)]).rule_ids


def test_effortless_sets_get_one_request_for_the_whole_reply() -> None:
    r = reply([ent(SQUAT, [st(5, 100)] * 3), ent(BENCH, [st(5, 80)] * 3)])
    assert r.items == () and r.fit_notes == {}
    assert r.effort_request == ("No effort on some sets of back squat and bench press: add "
                                "rir2 or @8 next time so they can be checked.")


def test_a_sore_muscle_keeps_a3_quiet_for_the_exercises_that_train_it() -> None:
    sore = (Soreness("hamstrings", 2, NOW - timedelta(hours=3)),)
    r = reply([ent(LEG_CURL, [st(12, 40, 3)] * 3), ent(CURL, [st(12, 12, 3)] * 3)], soreness=sore)
    assert r.items[0].text.startswith("[A3] Push the last set of dumbbell curl to failure")


def test_w5_once_a_session_and_not_after_a_hard_set() -> None:
    first = ent(BENCH, [st(10, 60, 5)] * 4, hour=17)
    assert "W5" in reply([first], goal="hypertrophy").rule_ids
    later = ent(FLY, [st(12, 20, 4)] * 3, hour=18)
    assert "W5" not in reply([later], [first], goal="hypertrophy").rule_ids
    hard = [ent(BENCH, [st(10, 60, 6), st(10, 60, 6), st(8, 60, 1)])]
    assert "W5" not in reply(hard, goal="hypertrophy").rule_ids


def test_a3_and_a4_judge_the_whole_day_however_it_was_logged() -> None:
    """A lifter logging one set at a time never drew A4; now the session's sets count."""
    one = ent(LEG_CURL, [st(12, 40, f=True)], hour=17, minute=0)
    r = reply([ent(LEG_CURL, [st(11, 40, f=True)])], [one])
    assert r.rule_ids == ("A4",) and "both sets today at failure" in r.items[0].text
    assert reply([ent(LEG_CURL, [st(12, 40, 3)])], [one]).rule_ids == ()  # one set failed
    # A3 reads the whole day too: the hard set came in an earlier log.
    easy = ent(LEG_CURL, [st(12, 40, 3)])
    assert reply([easy], [ent(LEG_CURL, [st(12, 40, 1)], hour=17)]).rule_ids == ()
    assert reply([easy]).rule_ids == ("A3",)


def test_a5_only_for_heavy_sets_and_never_for_an_unrated_amrap() -> None:
    assert reply([ent(SQUAT, [st(5, 100, 3)] * 3)]).rule_ids == ("A5",)
    assert reply([ent(SQUAT, [st(6, 100, 3)] * 3)]).rule_ids == ()  # 6 + 3 = 9
    amrap = reply([ent(BENCH, [st(5, 80, 2), st(7, 80, amrap=True)])])
    assert "A5" not in amrap.rule_ids
    assert all("kept short of failure" not in n for n in amrap.fit_notes.values())


def test_a_planned_max_gets_no_a1() -> None:
    assert reply([ent(SQUAT, [st(1, 180, f=True, planned_max=True)])]).rule_ids == ()
    assert reply([ent(SQUAT, [st(1, 180, f=True)])]).rule_ids == ("A1",)


def test_w2_counts_local_days_and_the_same_main_muscle_backdated_too() -> None:
    late = ent(BENCH, [st(8, 80, f=True)], ago(2), hour=0)  # 2 days and 18 h before
    assert "W2" in reply([ent(BENCH, [st(8, 80, f=True)])], [late]).rule_ids
    fly = ent(FLY, [st(12, 20, f=True)], ago(1))
    r = reply([ent(BENCH, [st(8, 80, f=True)])], [fly])
    assert "W2" in r.rule_ids and "cable fly, which shares a main muscle" in r.items[0].text
    backdated = ent(BENCH, [st(8, 80, f=True)], ago(3))
    r = reply([backdated], [ent(BENCH, [st(8, 80, f=True)], ago(4))])
    assert "W2" in r.rule_ids
    assert "W2" not in reply([ent(BENCH, [st(8, 80, f=True)])],
                             [ent(BENCH, [st(8, 80, f=True)], ago(3))]).rule_ids


def test_a_backdated_log_names_its_day() -> None:
    r = reply([ent(LEG_PRESS, [st(12, 100, 3)] * 3, ago(2))])
    assert "on Mon 9 Mar" in r.items[0].text and "today" not in r.items[0].text
    y = reply([ent(CURL, [st(10, 12, 1)] * 3, ago(1))])
    assert "yesterday" in next(iter(y.fit_notes.values()))


def test_a_caution_is_said_in_full_once_a_week_then_in_one_line() -> None:
    monday = ent(LEG_CURL, [st(12, 40, 3)] * 3, ago(2))
    first = reply([monday], now=at(ago(2)))
    assert first.items[0].full and "(Refalo 2024)" in first.items[0].text
    again = reply([ent(LEG_CURL, [st(12, 40, 3)] * 3)], [monday])
    assert not again.items[0].full
    assert again.items[0].text == ("[A3] Push the last set of leg curl to failure, or within a "
                                   "rep of it (a drop set counts). (/why A3)")
    new_lift = reply([ent(LEG_CURL, [st(12, 40, 3)] * 3), ent(CALF, [st(15, 60, 3)] * 3)],
                     [monday])
    assert new_lift.items[0].full  # calf raise has not heard it this week
    old = ent(LEG_CURL, [st(12, 40, 3)], ago(8))
    next_week = reply([ent(LEG_CURL, [st(12, 40, 3)] * 3)], [old])
    assert next_week.items[0].full


def test_warnings_are_always_said_in_full() -> None:
    history = [ent(BENCH, [st(8, 80, f=True)], ago(2)), ent(BENCH, [st(8, 80, f=True)], ago(1))]
    r = reply([ent(BENCH, [st(8, 80, f=True)])], history)
    assert r.items[0].rule_ids == ("W2",) and r.items[0].full


def test_a_deload_quiets_w5_a3_and_w7_and_says_so_once() -> None:
    profile = Profile(goal="hypertrophy", deload_from=ago(1), deload_until=TODAY + timedelta(6))
    easy = [ent(LEG_CURL, [st(15, 30, 5)] * 2)]
    r = reply(easy, profile=profile)
    assert r.rule_ids == () and set(r.muted) == {"W5", "A3", "W7"}
    assert r.deload_note is not None and r.deload_note.startswith("Deload until Tue 17 Mar")
    assert r.fit_notes == {}  # a muted caution leaves no "right for its tier" note
    second = reply(easy, [ent(CURL, [st(12, 10, 4)], ago(1))], profile=profile)
    assert second.deload_note is None and second.rule_ids == ()
    assert set(reply(easy, goal="hypertrophy").rule_ids) == {"A3", "W5", "W7"}


def test_a_week_that_looks_like_a_deload_is_recognised_from_the_log() -> None:
    weeks = [ent(LEG_CURL, [st(10, 40, 1)] * 5, ago(7 * w + d)) for w in (1, 2, 3) for d in (0, 3)]
    r = reply([ent(LEG_CURL, [st(10, 30, 3)] * 3)], weeks)
    assert r.rule_ids == () and "A3" in r.muted
    assert r.deload_note is not None and r.deload_note.startswith("This week looks like a deload")


def test_a_deload_looks_due_after_w1_two_weeks_running_or_three_falling_sessions() -> None:
    last_week = [ent(SQUAT, [st(5, 100, f=True)] * 2, ago(8))]
    r = reply([ent(SQUAT, [st(5, 100, 2), st(5, 100, f=True)])],
              [*last_week, ent(SQUAT, [st(5, 100, f=True)], ago(3))])
    assert r.deload_due is not None and "two weeks running (W1)" in r.deload_due
    falling = [ent(SQUAT, [st(5, load, 2)] * 3, ago(days))
               for load, days in ((115, 21), (110, 14), (105, 7))]
    r = reply([ent(SQUAT, [st(5, 100, 2)] * 3)], falling)
    assert r.deload_due is not None and "back squat e1RM fell 3 sessions running" in r.deload_due
    assert reply([ent(SQUAT, [st(5, 100, 2)] * 3)], falling[1:]).deload_due is None


def test_the_deload_note_comes_with_the_first_reply_it_quiets() -> None:
    """A log earlier in the deload that had nothing to quiet did not carry the note."""
    profile = Profile(goal="hypertrophy", deload_from=TODAY, deload_until=TODAY + timedelta(6))
    early = ent(SQUAT, [st(5, 80, 3)] * 2, hour=9)
    r = reply([ent(LEG_CURL, [st(15, 30, 5)] * 2)], [early], profile=profile)
    assert r.deload_note is not None and r.muted
    assert reply([early], profile=profile).deload_note is None


def test_a_planned_max_is_not_called_kept_short_nor_failed_every_set() -> None:
    morning = ent(SQUAT, [st(1, 180, f=True, planned_max=True)], hour=9)
    r = reply([ent(SQUAT, [st(1, 185, f=True, planned_max=True)])], [morning])
    assert "A4" not in r.rule_ids and "A1" not in r.rule_ids
    first = reply([morning], now=at(TODAY, 10))
    (note,) = first.fit_notes.values()
    assert note.startswith("A planned max on back squat") and "short of failure" not in note
