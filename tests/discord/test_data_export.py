"""/export in Discord: an export too big for one attachment arrives as zip files, each
within the limit, one follow-up each, holding every set."""

from __future__ import annotations

import csv
import io
import zipfile

import pytest

from bot.coach import data as data_module
from bot.discord.client import LiftBot
from tests.data_samples import sample_workouts, strong_comma
from tests.discord.conftest import Gym
from tests.discord.helpers import settle
from tests.fakediscord import FakeDiscord


async def test_an_export_past_one_attachment_arrives_in_files_within_the_limit(
    fake: FakeDiscord, gym: Gym, bot: LiftBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    user = str(gym.lifter.id)
    preview = await bot.coach.data.import_preview(
        user, str(gym.guild.id), "s.csv", strong_comma(sample_workouts(weeks=3)).encode())
    assert preview.pending_id is not None
    assert (await bot.coach.data.import_confirm(user, preview.pending_id)).saved
    whole = await bot.coach.data.export(user)
    monkeypatch.setattr(data_module, "EXPORT_PAGE", 2)
    limit = len(whole.data) // 8  # so even the zip of every part is too big for one file
    bot.coach.data.export_max_bytes = bot.coach.data.max_bytes = limit

    ix = await fake.slash(gym.guild, gym.training, gym.lifter, "export")
    await fake.wait_response(ix)
    await fake.wait_followup(ix)
    await settle()  # the other parts follow the first
    sent = [f for r in fake.requests_to(f"/webhooks/{fake.application_id}/{ix.token}", "POST")
            for f in r.files]
    assert len(sent) > 1, [f.filename for f in sent]
    assert any(f.filename.endswith(".zip") for f in sent), [f.filename for f in sent]
    assert all(len(f.data) <= limit for f in sent), [len(f.data) for f in sent]
    assert all(str(gym.lifter.id) in f.filename for f in sent)
    rows = []
    for file in sent:
        if file.filename.endswith(".csv"):
            rows += list(csv.reader(io.StringIO(file.data.decode())))[1:]
            continue
        with zipfile.ZipFile(io.BytesIO(file.data)) as archive:
            for name in archive.namelist():
                rows += list(csv.reader(io.StringIO(archive.read(name).decode())))[1:]
    expected = list(csv.reader(io.StringIO(whole.data.decode())))[1:]
    assert len(rows) == len(expected)
    assert rows == expected, "the parts hold other rows than the whole export"
