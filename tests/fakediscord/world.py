"""The world the fake server knows, and the payloads discord.py expects for it."""

from __future__ import annotations

from urllib.parse import quote

from .snowflake import SnowflakeFactory, iso_now
from .state import (
    ADMINISTRATOR,
    ALL_PERMISSIONS,
    BOT_PERMISSIONS,
    DEFAULT_PERMISSIONS,
    DM_CHANNEL,
    JSON,
    MENTION_RE,
    TEXT_CHANNEL,
    Channel,
    Guild,
    Member,
    RecordedFile,
    Role,
    User,
    with_component_ids,
)


class World:
    """Everything the fake server knows; payload builders live here too."""

    def __init__(self) -> None:
        self.ids = SnowflakeFactory()
        self.bot_user = User(self.ids.next(), "liftcoach-test", bot=True)
        self.application_id = self.bot_user.id
        self.users: dict[int, User] = {self.bot_user.id: self.bot_user}
        self.guilds: dict[int, Guild] = {}
        self.channels: dict[int, Channel] = {}
        self.dm_by_user: dict[int, int] = {}
        self.messages: dict[int, JSON] = {}
        self.channel_messages: dict[int, list[int]] = {}
        self.synced_commands: dict[int | None, list[JSON]] = {}
        self._command_ids: dict[tuple[int | None, str, int], int] = {}
        self.files: dict[int, RecordedFile] = {}
        self.cdn_base = "http://127.0.0.1:0"

    # ---- building the world -------------------------------------------------
    def add_user(self, name: str, *, bot: bool = False) -> User:
        user = User(self.ids.next(), name, bot=bot)
        self.users[user.id] = user
        return user

    def add_guild(
        self, name: str, *, owner_id: int | None = None, shard: tuple[int, int] | None = None
    ) -> Guild:
        """A new guild; ``shard=(shard_id, shard_count)`` picks an id on that shard."""
        gid = self.ids.next() if shard is None else self.ids.next_on_shard(*shard)
        guild = Guild(gid, name, owner_id if owner_id is not None else self.ids.next())
        guild.roles.append(Role(gid, "@everyone", DEFAULT_PERMISSIONS))
        guild.roles.append(Role(self.ids.next(), "Admin", ADMINISTRATOR, position=2))
        bot_role = Role(self.ids.next(), self.bot_user.name, BOT_PERMISSIONS, 1, managed=True)
        guild.roles.append(bot_role)
        guild.members[self.bot_user.id] = Member(self.bot_user, [bot_role.id])
        self.guilds[gid] = guild
        return guild

    def add_member(self, guild: Guild, name: str, *, admin: bool = False) -> User:
        user = self.add_user(name)
        self.join(guild, user, admin=admin)
        return user

    def join(self, guild: Guild, user: User, *, admin: bool = False) -> Member:
        member = Member(user, [guild.admin_role.id] if admin else [])
        guild.members[user.id] = member
        return member

    def add_channel(self, guild: Guild, name: str) -> Channel:
        channel = Channel(self.ids.next(), name, TEXT_CHANNEL, guild.id, len(guild.channels))
        guild.channels.append(channel)
        self.channels[channel.id] = channel
        self.channel_messages[channel.id] = []
        return channel

    def dm_channel(self, user: User | int) -> Channel:
        uid = user if isinstance(user, int) else user.id
        cid = self.dm_by_user.get(uid)
        if cid is None:
            channel = Channel(self.ids.next(), "", DM_CHANNEL, recipient_id=uid)
            self.channels[channel.id] = channel
            self.channel_messages[channel.id] = []
            self.dm_by_user[uid] = channel.id
            return channel
        return self.channels[cid]

    # ---- permissions --------------------------------------------------------
    def permissions_for(self, guild: Guild, user_id: int) -> int:
        if user_id == guild.owner_id:
            return ALL_PERMISSIONS
        member = guild.members.get(user_id)
        perms = guild.everyone_role.permissions
        if member is not None:
            for role in guild.roles:
                if role.id in member.role_ids:
                    perms |= role.permissions
        return ALL_PERMISSIONS if perms & ADMINISTRATOR else perms

    # ---- payloads -------------------------------------------------------------
    def member_payload(self, guild: Guild, user_id: int, *, with_user: bool = True) -> JSON:
        member = guild.members[user_id]
        data: JSON = {
            "roles": [str(r) for r in member.role_ids],
            "joined_at": member.joined_at,
            "nick": None,
            "avatar": None,
            "banner": None,
            "premium_since": None,
            "communication_disabled_until": None,
            "deaf": False,
            "mute": False,
            "pending": False,
            "flags": 0,
        }
        if with_user:
            data["user"] = member.user.payload()
        return data

    def channel_payload(self, channel: Channel) -> JSON:
        if channel.is_dm:
            recipient = self.users[channel.recipient_id or 0]
            return {
                "id": str(channel.id),
                "type": DM_CHANNEL,
                "last_message_id": None,
                "recipients": [recipient.payload()],
            }
        return {
            "id": str(channel.id),
            "type": channel.type,
            "guild_id": str(channel.guild_id),
            "name": channel.name,
            "position": channel.position,
            "permission_overwrites": [],
            "parent_id": None,
            "topic": None,
            "nsfw": False,
            "rate_limit_per_user": 0,
            "last_message_id": None,
        }

    def guild_payload(self, guild: Guild) -> JSON:
        return {
            "id": str(guild.id),
            "name": guild.name,
            "icon": None,
            "splash": None,
            "discovery_splash": None,
            "banner": None,
            "description": None,
            "owner_id": str(guild.owner_id),
            "afk_channel_id": None,
            "afk_timeout": 300,
            "system_channel_id": None,
            "rules_channel_id": None,
            "public_updates_channel_id": None,
            "verification_level": 0,
            "default_message_notifications": 0,
            "explicit_content_filter": 0,
            "mfa_level": 0,
            "nsfw_level": 0,
            "premium_tier": 0,
            "preferred_locale": "en-US",
            "features": [],
            "roles": [r.payload() for r in guild.roles],
            "emojis": [],
            "stickers": [],
        }

    def guild_create_payload(self, guild: Guild) -> JSON:
        data = self.guild_payload(guild)
        members = [self.member_payload(guild, uid) for uid in guild.members]
        data.update(
            unavailable=False,
            joined_at=guild.members[self.bot_user.id].joined_at,
            large=False,
            member_count=len(members),
            members=members,
            channels=[self.channel_payload(c) for c in guild.channels],
            threads=[],
            presences=[],
            voice_states=[],
            stage_instances=[],
            guild_scheduled_events=[],
            soundboard_sounds=[],
        )
        return data

    # ---- messages -------------------------------------------------------------
    def mentions_in(self, content: str, guild_id: int | None) -> list[JSON]:
        found: list[JSON] = []
        guild = self.guilds.get(guild_id) if guild_id else None
        for raw in dict.fromkeys(MENTION_RE.findall(content)):
            user = self.users.get(int(raw))
            if user is None:
                continue
            data = user.payload()
            if guild is not None and user.id in guild.members:
                data["member"] = self.member_payload(guild, user.id, with_user=False)
            found.append(data)
        return found

    def new_message(
        self,
        channel: Channel,
        author: User,
        *,
        content: str = "",
        embeds: list[JSON] | None = None,
        components: list[JSON] | None = None,
        attachments: list[JSON] | None = None,
        flags: int = 0,
        type: int = 0,
        webhook_id: int | None = None,
        interaction_metadata: JSON | None = None,
        reference: JSON | None = None,
    ) -> JSON:
        mid = self.ids.next()
        msg: JSON = {
            "id": str(mid),
            "channel_id": str(channel.id),
            "author": author.payload(),
            "content": content,
            "timestamp": iso_now(),
            "edited_timestamp": None,
            "tts": False,
            "mention_everyone": False,
            "mentions": self.mentions_in(content, channel.guild_id),
            "mention_roles": [],
            "attachments": attachments or [],
            "embeds": embeds or [],
            "components": with_component_ids(components or [], [0]),
            "reactions": [],
            "pinned": False,
            "type": type,
            "flags": flags,
        }
        if channel.guild_id is not None:
            msg["guild_id"] = str(channel.guild_id)
        if webhook_id is not None:
            msg["webhook_id"] = str(webhook_id)
            msg["application_id"] = str(self.application_id)
        if interaction_metadata is not None:
            msg["interaction_metadata"] = interaction_metadata
        if reference is not None:
            msg["message_reference"] = {**reference, "channel_id": str(channel.id), "type": 0}
            ref_id = int(reference.get("message_id", 0))
            if ref_id in self.messages:
                msg["referenced_message"] = self.messages[ref_id]
                msg["type"] = 19
        self.messages[mid] = msg
        self.channel_messages.setdefault(channel.id, []).append(mid)
        return msg

    def edit_message(self, message_id: int, changes: JSON, new_files: list[JSON]) -> JSON:
        msg = self.messages[message_id]
        for key in ("content", "embeds", "flags", "poll"):
            if key in changes and changes[key] is not None:
                msg[key] = changes[key]
        if "content" in changes:
            guild_id = msg.get("guild_id")
            msg["mentions"] = self.mentions_in(msg["content"], int(guild_id) if guild_id else None)
        if changes.get("components") is not None:
            msg["components"] = with_component_ids(changes["components"], [0])
        if "attachments" in changes or new_files:
            keep = {str(a.get("id")) for a in changes.get("attachments") or []}
            kept = [a for a in msg["attachments"] if a["id"] in keep]
            msg["attachments"] = kept + new_files
        msg["edited_timestamp"] = iso_now()
        return msg

    def delete_message(self, message_id: int) -> JSON | None:
        msg = self.messages.pop(message_id, None)
        if msg is not None:
            ids = self.channel_messages.get(int(msg["channel_id"]), [])
            if message_id in ids:
                ids.remove(message_id)
        return msg

    def attachment_payloads(self, files: list[RecordedFile]) -> list[JSON]:
        """Attachment objects for uploaded files; their URLs are served by the fake."""
        out: list[JSON] = []
        for f in files:
            aid = self.ids.next()
            self.files[aid] = f
            url = f"{self.cdn_base}/attachments/{aid}/{quote(f.filename, safe='')}"
            out.append(
                {
                    "id": str(aid),
                    "filename": f.filename,
                    "size": len(f.data),
                    "url": url,
                    "proxy_url": url,
                    "content_type": f.content_type or "application/octet-stream",
                }
            )
        return out

    # ---- application commands -------------------------------------------------
    def store_commands(self, guild_id: int | None, commands: list[JSON]) -> list[JSON]:
        stored = [self.command_payload(guild_id, c) for c in commands]
        self.synced_commands[guild_id] = stored
        return stored

    def upsert_command(self, guild_id: int | None, command: JSON) -> JSON:
        stored = self.command_payload(guild_id, command)
        current = [c for c in self.synced_commands.get(guild_id, []) if c["name"] != stored["name"]]
        self.synced_commands[guild_id] = [*current, stored]
        return stored

    def command_payload(self, guild_id: int | None, command: JSON) -> JSON:
        ctype = int(command.get("type", 1))
        key = (guild_id, command["name"], ctype)
        cid = self._command_ids.setdefault(key, self.ids.next())
        data: JSON = {
            "description": "",
            "options": [],
            "default_member_permissions": None,
            "dm_permission": True,
            "nsfw": False,
            **command,
            "id": str(cid),
            "application_id": str(self.application_id),
            "type": ctype,
            "version": str(self.ids.next()),
        }
        if guild_id is not None:
            data["guild_id"] = str(guild_id)
        return data

    def find_command(self, name: str, guild_id: int | None, kind: int = 1) -> JSON | None:
        """A synced command by name and type (1 slash, 2 user menu, 3 message menu)."""
        scopes: list[int | None] = [guild_id, None] if guild_id is not None else [None]
        for scope in scopes:
            for cmd in self.synced_commands.get(scope, []):
                if cmd["name"] == name and int(cmd.get("type", 1)) == kind:
                    return cmd
        return None
