"""The test-facing API: build a world, drive the bot, inspect what it sent."""

from __future__ import annotations

import re
from typing import Any

from .gateway import INTENT_GUILD_MEMBERS
from .interactions import (
    APPLICATION_COMMAND,
    AUTOCOMPLETE,
    MESSAGE_COMPONENT,
    MODAL_SUBMIT,
    Interaction,
    command_data,
    component_data,
    form_submit_data,
    interaction_payload,
    message_menu_data,
)
from .server import FakeDiscordServer
from .state import JSON, Channel, Guild, RecordedFile, RecordedRequest, User

OUTGOING_RE = re.compile(
    r"^/channels/\d+/messages(/\d+)?$"
    r"|^/interactions/\d+/[^/]+/callback$"
    r"|^/webhooks/\d+/[^/]+(/messages/[^/]+)?$"
)


class FakeDiscord(FakeDiscordServer):
    """A small Discord (REST + gateway) on 127.0.0.1 for end-to-end tests.

    Build the world (guilds, members, channels) before the bot connects; later
    additions are announced to connected clients with the matching gateway event.
    """

    def __init__(self, *, message_content_intent_allowed: bool = True) -> None:
        super().__init__(message_content_intent_allowed=message_content_intent_allowed)
        self._seen_bot_messages: set[int] = set()

    # ---- world ----------------------------------------------------------------------
    @property
    def bot_user(self) -> User:
        return self.world.bot_user

    @property
    def application_id(self) -> int:
        return self.world.application_id

    def add_guild(
        self, name: str, *, owner_id: int | None = None, shard: tuple[int, int] | None = None
    ) -> Guild:
        """A new guild; ``shard=(shard_id, shard_count)`` gives it an id on that shard."""
        guild = self.world.add_guild(name, owner_id=owner_id, shard=shard)
        if self.live_sessions:
            self.spawn(self.broadcast("GUILD_CREATE", self.world.guild_create_payload(guild)))
        return guild

    def add_member(self, guild: Guild, name: str, *, admin: bool = False) -> User:
        user = self.world.add_member(guild, name, admin=admin)
        if self.live_sessions:
            data = {**self.world.member_payload(guild, user.id), "guild_id": str(guild.id)}
            self.spawn(self.broadcast("GUILD_MEMBER_ADD", data, INTENT_GUILD_MEMBERS))
        return user

    async def remove_member(self, guild: Guild, user: User) -> None:
        """``user`` leaves ``guild``: GUILD_MEMBER_REMOVE goes only to sessions that
        identified with the members intent, as Discord sends it."""
        guild.members.pop(user.id, None)
        await self.broadcast("GUILD_MEMBER_REMOVE",
                             {"guild_id": str(guild.id), "user": user.payload()},
                             INTENT_GUILD_MEMBERS)

    def remove_channel(self, channel: Channel) -> None:
        """The channel is deleted: posting there answers 404 Unknown Channel."""
        self.world.channels.pop(channel.id, None)

    def add_channel(self, guild: Guild, name: str) -> Channel:
        channel = self.world.add_channel(guild, name)
        if self.live_sessions:
            self.spawn(self.broadcast("CHANNEL_CREATE", self.world.channel_payload(channel)))
        return channel

    def add_user(self, name: str) -> User:
        """A user who shares no guild with the bot."""
        return self.world.add_user(name)

    def dm_channel(self, user: User) -> Channel:
        """The DM channel between the bot and ``user`` (created on first use)."""
        return self.world.dm_channel(user)

    # ---- driving the bot ----------------------------------------------------------
    async def send_message(
        self,
        channel: Channel,
        author: User,
        content: str,
        *,
        reply_to: int | None = None,
        files: dict[str, bytes] | None = None,
    ) -> JSON:
        """``author`` posts ``content`` in ``channel`` (MESSAGE_CREATE); returns the message.

        ``files`` maps file names to bytes; discord.py can download them from the fake.
        """
        reference = {"message_id": str(reply_to)} if reply_to is not None else None
        uploads = [
            RecordedFile(f"files[{i}]", n, d) for i, (n, d) in enumerate((files or {}).items())
        ]
        msg = self.world.new_message(
            channel,
            author,
            content=content,
            reference=reference,
            attachments=self.world.attachment_payloads(uploads),
        )
        await self.broadcast_message("MESSAGE_CREATE", msg)
        self.changed()
        return msg

    async def send_dm(self, user: User, content: str) -> JSON:
        """``user`` writes to the bot in their DM channel."""
        return await self.send_message(self.dm_channel(user), user, content)

    async def add_reaction(
        self, channel: Channel, message_id: int | str, user: User, emoji: str
    ) -> None:
        """``user`` reacts with ``emoji`` (unicode, or ``<:name:id>``) to a message."""
        mid = int(message_id)
        msg = self.world.messages.get(mid)
        if msg is not None:
            emoji_data = self.emoji_payload(emoji)
            reactions: list[JSON] = msg.setdefault("reactions", [])
            entry = next((r for r in reactions if r["emoji"] == emoji_data), None)
            if entry is None:
                reactions.append({"emoji": emoji_data, "count": 1, "me": False})
            else:
                entry["count"] += 1
        else:
            msg = {"id": str(mid), "channel_id": str(channel.id)}
            if channel.guild_id is not None:
                msg["guild_id"] = str(channel.guild_id)
        await self.broadcast_reaction("MESSAGE_REACTION_ADD", msg, user.id, emoji)

    async def _interact(self, ix: Interaction) -> Interaction:
        self.interactions[ix.id] = ix
        self.interactions_by_token[ix.token] = ix
        await self.broadcast("INTERACTION_CREATE", ix.payload)
        return ix

    async def slash(
        self,
        guild: Guild | None,
        channel: Channel,
        user: User,
        name: str,
        options: dict[str, Any] | list[JSON] | None = None,
        *,
        subcommand: str | None = None,
        user_install: bool = False,
    ) -> Interaction:
        """Invoke ``/name`` (``subcommand`` is ``"sub"`` or ``"group sub"``).

        Option types come from the synced command; unsynced options are typed
        from their Python values. ``guild=None`` means a DM interaction;
        ``user_install`` one through the lifter's own install of the app.
        """
        data = command_data(self.world, guild, name, options or {}, subcommand)
        ix = interaction_payload(
            self.world,
            itype=APPLICATION_COMMAND,
            guild=guild,
            channel=channel,
            user=user,
            data=data,
            user_install=user_install,
        )
        return await self._interact(ix)

    async def autocomplete(
        self,
        guild: Guild | None,
        channel: Channel,
        user: User,
        name: str,
        options: dict[str, Any] | list[JSON] | None,
        focused: str,
        *,
        subcommand: str | None = None,
    ) -> Interaction:
        """The user is typing into option ``focused``; the answer is a type 8 callback."""
        data = command_data(self.world, guild, name, options or {}, subcommand, focused)
        ix = interaction_payload(
            self.world, itype=AUTOCOMPLETE, guild=guild, channel=channel, user=user, data=data
        )
        return await self._interact(ix)

    async def click(
        self,
        guild: Guild | None,
        channel: Channel,
        user: User,
        message: JSON,
        custom_id: str,
        *,
        values: list[str] | None = None,
    ) -> Interaction:
        """Press the component ``custom_id`` on ``message`` (select menus take ``values``)."""
        current = self.world.messages.get(int(message["id"]), message)
        ix = interaction_payload(
            self.world,
            itype=MESSAGE_COMPONENT,
            guild=guild,
            channel=channel,
            user=user,
            data=component_data(current, custom_id, values),
            message=current,
        )
        return await self._interact(ix)

    async def message_menu(
        self,
        guild: Guild | None,
        channel: Channel,
        user: User,
        target: JSON,
        name: str,
        *,
        user_install: bool = False,
    ) -> Interaction:
        """``user`` picks ``name`` in the Apps menu of the message ``target``."""
        current = self.world.messages.get(int(target["id"]), target)
        ix = interaction_payload(
            self.world,
            itype=APPLICATION_COMMAND,
            guild=guild,
            channel=channel,
            user=user,
            data=message_menu_data(self.world, guild, name, current),
            user_install=user_install,
        )
        return await self._interact(ix)

    async def submit_form(
        self,
        guild: Guild | None,
        channel: Channel,
        user: User,
        custom_id: str,
        values: dict[str, str],
        *,
        message: JSON | None = None,
        user_install: bool = False,
    ) -> Interaction:
        """``user`` sends the form ``custom_id`` with these field values (MODAL_SUBMIT);
        ``message`` is the message whose button opened the form, if one did."""
        ix = interaction_payload(
            self.world,
            itype=MODAL_SUBMIT,
            guild=guild,
            channel=channel,
            user=user,
            data=form_submit_data(custom_id, values),
            message=message,
            user_install=user_install,
        )
        return await self._interact(ix)

    async def wait_form(self, interaction: Interaction, timeout: float = 5) -> JSON:  # noqa: ASYNC109
        """The form (modal) the bot answered ``interaction`` with: its custom id, title
        and components; fails when it answered otherwise."""
        response = await self.wait_response(interaction, timeout)
        assert response.get("type") == 9, f"expected a form, got {response}"
        data: JSON = response["data"]
        return data

    # ---- waiting for the bot ----------------------------------------------------------
    async def wait_response(self, interaction: Interaction, timeout: float = 5) -> JSON:  # noqa: ASYNC109
        """The interaction callback body the bot sent (``{"type": 4|5|6|7|8|9, "data": ...}``)."""
        return await self.wait_until(
            lambda: interaction.response, timeout, f"a response to interaction {interaction.id}"
        )

    async def wait_followup(self, interaction: Interaction, timeout: float = 5) -> JSON:  # noqa: ASYNC109
        """The next follow-up body (POST /webhooks/{app}/{token}) not yet returned."""

        def take() -> JSON | None:
            if len(interaction.followups) > interaction._followups_taken:
                interaction._followups_taken += 1
                return interaction.followups[interaction._followups_taken - 1]
            return None

        return await self.wait_until(take, timeout, f"a follow-up to {interaction.id}")

    async def wait_edit(self, interaction: Interaction, timeout: float = 5, index: int = 0) -> JSON:  # noqa: ASYNC109
        """The ``index``-th edit (PATCH of @original or a follow-up) the bot made."""
        return await self.wait_until(
            lambda: interaction.edits[index] if len(interaction.edits) > index else None,
            timeout,
            f"edit #{index} of interaction {interaction.id}",
        )

    def response_message(self, interaction: Interaction) -> JSON | None:
        """Current state of the message the interaction's response created or updated."""
        return self.world.messages.get(interaction.response_message_id or 0)

    async def next_bot_message(self, channel: Channel, timeout: float = 5) -> JSON:  # noqa: ASYNC109
        """The oldest message the bot posted in ``channel`` not returned by this before."""

        def pick() -> JSON | None:
            for msg in self.messages_in(channel, from_bot=True):
                if int(msg["id"]) not in self._seen_bot_messages:
                    self._seen_bot_messages.add(int(msg["id"]))
                    return msg
            return None

        return await self.wait_until(pick, timeout, f"a bot message in #{channel.name}")

    async def next_dm(self, user: User, timeout: float = 5) -> JSON:  # noqa: ASYNC109
        """The oldest DM the bot sent ``user`` not returned by this before."""
        return await self.next_bot_message(self.dm_channel(user), timeout)

    # ---- inspection --------------------------------------------------------------------
    def messages_in(self, channel: Channel | int, *, from_bot: bool | None = None) -> list[JSON]:
        """Messages currently in the channel, oldest first (``from_bot`` filters by author)."""
        cid = channel if isinstance(channel, int) else channel.id
        msgs = [self.world.messages[m] for m in self.world.channel_messages.get(cid, [])]
        if from_bot is None:
            return msgs
        bot_id = str(self.bot_user.id)
        return [m for m in msgs if (m["author"]["id"] == bot_id) == from_bot]

    def dms_to(self, user: User) -> list[JSON]:
        """Messages the bot sent to ``user`` in their DM channel."""
        cid = self.world.dm_by_user.get(user.id)
        return self.messages_in(cid, from_bot=True) if cid is not None else []

    def message(self, message_id: int | str) -> JSON | None:
        return self.world.messages.get(int(message_id))

    @property
    def synced_commands(self) -> dict[int | None, list[JSON]]:
        """Commands the bot registered: key None is global, otherwise a guild id."""
        return self.world.synced_commands

    def commands_for(self, guild: Guild | None = None) -> list[JSON]:
        return self.world.synced_commands.get(guild.id if guild else None, [])

    def requests_to(self, path_substring: str, method: str | None = None) -> list[RecordedRequest]:
        return [
            r
            for r in self.requests
            if path_substring in r.path and (method is None or r.method == method.upper())
        ]

    def unknown_requests(self) -> list[RecordedRequest]:
        """Requests for routes this fake does not implement (each answered 404)."""
        return [r for r in self.requests if not r.known_route]

    def outgoing_payloads(self) -> list[JSON]:
        """Every message, interaction response, follow-up, edit or DM body the bot sent."""
        return [
            r.json
            for r in self.requests
            if r.method in ("POST", "PATCH")
            and OUTGOING_RE.match(r.path)
            and isinstance(r.json, dict)
        ]
