"""Per-server settings and the bot's own bookkeeping."""

from __future__ import annotations

from typing import cast

from bot.storage.driver import Driver


class GuildSql:
    driver: Driver

    # guild settings and meta ----------------------------------------------------

    async def get_log_channel(self, guild_id: str) -> str | None:
        value = await self.driver.fetchval(
            "SELECT log_channel_id FROM guild_settings WHERE guild_id = ?", (guild_id,)
        )
        return cast(str | None, value)

    async def set_log_channel(self, guild_id: str, channel_id: str | None) -> None:
        async with self.driver.transaction() as tx:
            await tx.execute(
                "INSERT INTO guild_settings (guild_id, log_channel_id) VALUES (?, ?)"
                " ON CONFLICT (guild_id) DO UPDATE SET log_channel_id = excluded.log_channel_id",
                (guild_id, channel_id),
            )

    async def get_meta(self, key: str) -> str | None:
        return cast(str | None, await self.driver.fetchval(
            "SELECT value FROM meta WHERE key = ?", (key,)))

    async def set_meta(self, key: str, value: str) -> None:
        async with self.driver.transaction() as tx:
            await tx.execute(
                "INSERT INTO meta (key, value) VALUES (?, ?)"
                " ON CONFLICT (key) DO UPDATE SET value = excluded.value", (key, value),
            )
