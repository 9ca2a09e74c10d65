"""Display names for what the bot posts in a server channel (the weekly recap, a
challenge's results): names, never mentions, so a post pings nobody and reads the same
for everyone. An edge that knows names sets :attr:`Names.source`; without one (the
console) a lifter's id is their name.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping, Sequence

from bot.coach.replies import literal

NameSource = Callable[[str, Sequence[str]], Awaitable[Mapping[str, str]]]
"""(server, lifter ids) -> display name of each lifter it could find."""
UNKNOWN = "a lifter"


async def ids_as_names(guild_id: str, user_ids: Sequence[str]) -> Mapping[str, str]:
    return {u: u for u in user_ids}


class Names:
    """Where the coach asks for display names (one per coach, set by the edge)."""

    def __init__(self) -> None:
        self.source: NameSource = ids_as_names

    async def of(self, guild_id: str, user_ids: Sequence[str]) -> dict[str, str]:
        """Each lifter's display name, made literal (markdown shows as typed)."""
        wanted = list(dict.fromkeys(user_ids))
        found = await self.source(guild_id, wanted) if wanted else {}
        return {u: literal(found.get(u) or UNKNOWN) for u in wanted}
