"""The log cooldown's memory: quiet lifters are forgotten, the limit still holds."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bot.coach.cooldown import SWEEP_SIZE, Cooldown

START = datetime(2026, 12, 2, 12, 0, tzinfo=UTC)


def test_lifters_who_went_quiet_are_forgotten_a_window_later() -> None:
    cooldown = Cooldown(10, 10.0)
    for i in range(10_000):  # one new lifter every 10 ms, 100 s in all
        now = START + timedelta(milliseconds=10 * i)
        assert cooldown.wait_needed(str(i), now) == timedelta(0)
        assert cooldown.held() <= 2_000  # those of the last two windows at most
    later = now + timedelta(seconds=30)
    cooldown.wait_needed("late", later)
    assert cooldown.held() == 1


def test_the_limit_still_holds_for_a_lifter_logging_among_a_crowd() -> None:
    cooldown = Cooldown(10, 10.0)
    for _ in range(10):
        assert cooldown.wait_needed("busy", START) == timedelta(0)
    for i in range(3 * SWEEP_SIZE):  # sweeps run; the busy lifter is still in the window
        cooldown.wait_needed(str(i), START + timedelta(seconds=1))
    assert cooldown.wait_needed("busy", START + timedelta(seconds=2)) == timedelta(seconds=8)
    assert cooldown.wait_needed("busy", START + timedelta(seconds=10)) == timedelta(0)


def test_a_slot_given_back_leaves_nothing_behind() -> None:
    cooldown = Cooldown(1, 10.0)
    assert cooldown.wait_needed("a", START) == timedelta(0)
    cooldown.give_back("a", START)
    assert cooldown.held() == 0
    assert cooldown.wait_needed("a", START) == timedelta(0)
    assert cooldown.wait_needed("a", START) > timedelta(0)
