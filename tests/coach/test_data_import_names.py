"""What a file names is shown as typed: the import preview never lets a file name or an
exercise name from the file turn into Discord formatting, a link or a mention."""

from __future__ import annotations

import re
from datetime import datetime

from bot.coach import Coach
from bot.coach.replies import Reply
from bot.console.render import plain
from tests.data_samples import SampleExercise, SampleSet, Workout, strong_comma

HOSTILE_FILE = "**big** __u__ `c` @everyone <@123> [x](http://e.x).csv"
HOSTILE_NAMES = ("# Head **press** @everyone <@123>", "-# small [x](http://e.x) __u__ `c`")
MAPPED = "> quote ~~Squat~~ ||s|| <#5>"


def hostile_file() -> bytes:
    """A Strong export whose exercises carry markdown, mentions and a link."""
    sets = tuple(SampleSet(60, 8) for _ in range(3))
    names = (*HOSTILE_NAMES, MAPPED)
    workout = Workout(datetime(2026, 9, 7, 18, 0), "Day", 60,  # noqa: DTZ001  (wall clock)
                      tuple(SampleExercise(name, sets) for name in names))
    return strong_comma([workout]).encode()


# Each would render in Discord if it reached a message as the file has it.
_TOKENS = ("**big**", "**press**", "__u__", "`c`", "<@123>", "<#5>", "[x](http", "~~Squat~~",
           "||s||")
_EVERYONE = re.compile(r"(?<!\\)@everyone")
_LINE_MARK = re.compile(r"^\s*(#|-#|>)", re.MULTILINE)


def assert_inert(text: str) -> None:
    """No formatting, link or mention of the file's text reaches the message."""
    assert not [t for t in _TOKENS if t in text], text
    assert not _EVERYONE.search(text), text
    assert not _LINE_MARK.search(text), text


def reply_texts(reply: Reply) -> list[str]:
    return [reply.title, *reply.lines, *(v for _, v in reply.fields), reply.footer or ""]


async def test_the_preview_shows_hostile_names_as_typed(coach: Coach) -> None:
    preview = await coach.data.import_preview(
        "u1", "g1", HOSTILE_FILE, hostile_file(), mapping=f"{MAPPED}=back squat")
    texts = reply_texts(preview.reply)
    for text in texts:
        assert_inert(text)
    shown = plain("\n".join(texts))  # with the escapes undone, each name reads as typed
    for name in (HOSTILE_FILE, *HOSTILE_NAMES, MAPPED):
        assert name in shown, name
    assert preview.pending_id is not None
    done = await coach.data.import_confirm("u1", preview.pending_id)
    assert done.saved and HOSTILE_FILE in plain("\n".join(done.lines))
    for text in reply_texts(done):
        assert_inert(text)
    again = await coach.data.import_preview("u1", "g1", HOSTILE_FILE, hostile_file(),
                                            mapping=f"{MAPPED}=back squat")
    assert again.reply.title == "Nothing new to import"
    for text in reply_texts(again.reply):
        assert_inert(text)
