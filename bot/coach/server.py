"""A server's own settings (/logchannel) and the bot's bookkeeping about itself."""

from __future__ import annotations

from bot.coach.replies import Reply
from bot.storage.contract import Storage

COMMAND_SET_KEY = "command_set_digest"


class Server:
    """Settings that belong to a server, not to a lifter; the edge checks who may set them."""

    def __init__(self, storage: Storage) -> None:
        self._storage = storage

    async def log_channel(self, guild_id: str) -> str | None:
        return await self._storage.get_log_channel(guild_id)

    async def set_log_channel(self, guild_id: str, channel_id: str | None, name: str) -> Reply:
        await self._storage.set_log_channel(guild_id, channel_id)
        if channel_id is None:
            return Reply(title="Log channel off", lines=("Plain posts are no longer read.",),
                         tone="ok", saved=True)
        return Reply(
            title="Log channel set",
            lines=(f"Posts in #{name} that read as a log are stored for their author, "
                   "marked ✅ and answered with advice. The author reacts ❌ to undo.",
                   "Anything that is not a log is left alone."),
            tone="ok", saved=True,
        )

    async def command_set_changed(self, digest: str) -> bool:
        """Whether the slash commands differ from the set last synced to Discord."""
        return await self._storage.get_meta(COMMAND_SET_KEY) != digest

    async def remember_command_set(self, digest: str) -> None:
        await self._storage.set_meta(COMMAND_SET_KEY, digest)
