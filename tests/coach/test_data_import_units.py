"""/import in another unit than the lifter's replies: the preview says how to see it so."""

from __future__ import annotations

from bot.coach import Coach
from bot.coach.replies import Reply
from bot.console.render import plain
from tests.data_samples import hevy, sample_workouts


def _text(reply: Reply) -> str:
    return plain("\n".join((*reply.lines, *(v for _, v in reply.fields))))


async def test_a_file_in_another_unit_says_how_to_see_it_in_that_unit(coach: Coach) -> None:
    pounds = hevy(sample_workouts(1), unit="lb").encode()
    told = _text((await coach.data.import_preview("u1", "g1", "h.csv", pounds)).reply)
    assert "/profile unit:lb" in told and "converted" in told
    await coach.profile.set("u2", unit="lb")
    same = _text((await coach.data.import_preview("u2", "g1", "h.csv", pounds)).reply)
    assert "/profile unit:" not in same  # already shown as the file has them
    kilos = hevy(sample_workouts(1)).encode()
    assert "/profile unit:" not in _text(
        (await coach.data.import_preview("u3", "g1", "h.csv", kilos)).reply)
