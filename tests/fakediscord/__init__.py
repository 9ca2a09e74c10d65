"""A small fake Discord (REST + gateway) for end-to-end tests of the bot.

Typical use::

    async with FakeDiscord() as fake:
        guild = fake.add_guild("gym")
        lifter = fake.add_member(guild, "lifter")
        channel = fake.add_channel(guild, "training")
        async with run_bot(fake, make_bot()):
            ix = await fake.slash(guild, channel, lifter, "log", {"set": "100x5"})
            reply = await fake.wait_response(ix)

Forms work as on Discord: a bot's form (callback type 9) is checked as Discord checks
it and read back with ``fake.wait_form(ix)``; ``fake.submit_form(...)`` sends it
(MODAL_SUBMIT), and ``fake.message_menu(...)`` runs a message's Apps menu command.

Sharding works as on Discord: a client that IDENTIFYs with ``shard: [id, count]``
hears only of the guilds on that shard (``fake.add_guild(name, shard=(id, count))``
picks one) and DMs only on shard 0.
"""

from .fake import FakeDiscord
from .fixtures import fake_discord, run_bot
from .interactions import Interaction, Upload
from .snowflake import DISCORD_EPOCH_MS, SnowflakeFactory, shard_of, snowflake_time
from .state import Channel, Guild, RecordedFile, RecordedRequest, Role, User

__all__ = [
    "DISCORD_EPOCH_MS",
    "Channel",
    "FakeDiscord",
    "Guild",
    "Interaction",
    "RecordedFile",
    "RecordedRequest",
    "Role",
    "SnowflakeFactory",
    "Upload",
    "User",
    "fake_discord",
    "run_bot",
    "shard_of",
    "snowflake_time",
]
