"""Whatever a lifter types, nothing the bot sends can ping anyone."""

from __future__ import annotations

import re

from bot.discord.client import LiftBot
from tests.discord.conftest import Gym
from tests.discord.helpers import JSON, answer, buttons, post, react
from tests.fakediscord import FakeDiscord, RecordedRequest

MESSAGE = re.compile(r"^/channels/(\d+)/messages$")
EDIT = re.compile(r"^/channels/\d+/messages/\d+$|^/webhooks/\d+/[^/]+/messages/[^/]+$")
CALLBACK = re.compile(r"^/interactions/\d+/[^/]+/callback$")
FOLLOWUP = re.compile(r"^/webhooks/\d+/[^/]+$")
MESSAGE_CALLBACKS = (4, 7)  # types that carry a message; 5, 6 and 8 do not


def sent_messages(fake: FakeDiscord) -> list[tuple[str, RecordedRequest, JSON]]:
    """(kind, request, message body) for everything the bot posted or edited."""
    dm_channels = {str(c) for c in fake.world.dm_by_user.values()}
    out: list[tuple[str, RecordedRequest, JSON]] = []
    for r in fake.requests:
        if r.method not in ("POST", "PATCH") or not isinstance(r.json, dict):
            continue
        if r.method == "POST" and (m := MESSAGE.match(r.path)):
            out.append(("dm" if m.group(1) in dm_channels else "message", r, r.json))
        elif r.method == "PATCH" and EDIT.match(r.path):
            out.append(("edit", r, r.json))
        elif r.method == "POST" and FOLLOWUP.match(r.path):
            out.append(("followup", r, r.json))
        elif CALLBACK.match(r.path) and r.json.get("type") in MESSAGE_CALLBACKS:
            out.append(("response", r, r.json.get("data") or {}))
    return out


def assert_pings_nobody(kind: str, body: JSON) -> None:
    mentions = body.get("allowed_mentions")
    assert isinstance(mentions, dict), (kind, body)
    assert mentions.get("parse") == [], (kind, mentions)
    assert not mentions.get("users") and not mentions.get("roles"), (kind, mentions)
    assert mentions.get("replied_user", False) is False, (kind, mentions)
    if body.get("message_reference"):
        assert mentions.get("replied_user") is False, (kind, mentions)


async def test_no_reply_can_ping_anyone(fake: FakeDiscord, gym: Gym, bot: LiftBot) -> None:
    role = gym.guild.admin_role.id
    noise = f"@everyone @here <@&{role}> <@{gym.friend.id}>"

    # slash /log: an entry the parser refuses, and one it stores
    for entry in (f"squat 5x5 {noise}", f"{noise} squat 5x5", "squat 5x5 @100kg rir2"):
        ix = await fake.slash(gym.guild, gym.training, gym.lifter, "log", {"entry": entry})
        await answer(fake, ix)
    logged = fake.response_message(ix)
    assert logged is not None
    [undo] = [b["custom_id"] for b in buttons(logged)]
    await answer(fake, await fake.click(gym.guild, gym.training, gym.friend, logged, undo))
    await answer(fake, await fake.click(gym.guild, gym.training, gym.lifter, logged, undo))
    await fake.wait_until(lambda: fake.requests_to(f"/messages/{logged['id']}", "PATCH"), 3,
                          "the Undo button to be removed")

    # typed, mentioned and in a DM
    mention = f"<@{fake.bot_user.id}>"
    for text in (f"!log curl 3x12 {noise}", "!log curl 3x12 @14kg rir1", f"!log {noise}",
                 f"{mention} log {noise}", "!log"):
        await post(fake, bot, gym.training, gym.lifter, text)
    dm = fake.dm_channel(gym.lifter)
    await post(fake, bot, dm, gym.lifter, f"!log squat 5x5 @100kg rir2 {noise}")
    await post(fake, bot, dm, gym.lifter, "!log squat 5x5 @100kg rir2")

    # the log channel: confirmation and undo replies quote the lifter's post
    ix = await fake.slash(gym.guild, gym.training, gym.admin, "logchannel",
                          {"channel": gym.log_channel}, subcommand="set")
    await answer(fake, ix)
    await post(fake, bot, gym.log_channel, gym.lifter, f"squat 5x5 {noise}")
    logged_post = await post(fake, bot, gym.log_channel, gym.lifter, "bench 3x8 @80kg rir1")
    await react(fake, bot, gym.log_channel, logged_post, gym.lifter, "❌")

    # other replies
    for name, options in (("why", {"rule": noise}), ("history", {"exercise": noise}),
                          ("profile", {"tz": noise}), ("sore", {"bodypart": noise, "days": 3}),
                          ("exercise", {"name": noise, "tier": "B"}), ("help", {})):
        await answer(fake, await fake.slash(gym.guild, gym.training, gym.lifter, name, options))

    sent = sent_messages(fake)
    kinds = {kind for kind, _, _ in sent}
    assert {"response", "message", "dm", "edit"} <= kinds, kinds
    replies = [body for kind, _, body in sent
               if kind == "message" and body.get("message_reference")]
    assert len(replies) == 2  # ✅ confirmation and undo, both quoting the post
    for kind, _, body in sent:
        assert_pings_nobody(kind, body)
