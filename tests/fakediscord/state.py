"""Plain data of the fake: users, roles, guilds, channels and recorded requests."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from .snowflake import iso_now

JSON = dict[str, Any]

ADMINISTRATOR = 1 << 3
ALL_PERMISSIONS = (1 << 51) - 1
DEFAULT_PERMISSIONS = (
    (1 << 0)  # create instant invite
    | (1 << 6)  # add reactions
    | (1 << 10)  # view channel
    | (1 << 11)  # send messages
    | (1 << 14)  # embed links
    | (1 << 15)  # attach files
    | (1 << 16)  # read message history
    | (1 << 18)  # use external emojis
    | (1 << 26)  # change nickname
    | (1 << 31)  # use application commands
    | (1 << 38)  # send messages in threads
)
BOT_PERMISSIONS = DEFAULT_PERMISSIONS | (1 << 13)  # + manage messages

TEXT_CHANNEL = 0
DM_CHANNEL = 1

MENTION_RE = re.compile(r"<@!?(\d+)>")


@dataclass
class User:
    id: int
    name: str
    bot: bool = False

    def payload(self) -> JSON:
        return {
            "id": str(self.id),
            "username": self.name,
            "global_name": self.name,
            "discriminator": "0",
            "avatar": None,
            "bot": self.bot,
            "public_flags": 0,
        }


@dataclass
class Role:
    id: int
    name: str
    permissions: int
    position: int = 0
    managed: bool = False

    def payload(self) -> JSON:
        return {
            "id": str(self.id),
            "name": self.name,
            "permissions": str(self.permissions),
            "position": self.position,
            "color": 0,
            "colors": {"primary_color": 0, "secondary_color": None, "tertiary_color": None},
            "hoist": False,
            "managed": self.managed,
            "mentionable": False,
            "icon": None,
            "unicode_emoji": None,
            "flags": 0,
        }


@dataclass
class Member:
    user: User
    role_ids: list[int]
    joined_at: str = field(default_factory=iso_now)


@dataclass
class Channel:
    id: int
    name: str
    type: int = TEXT_CHANNEL
    guild_id: int | None = None
    position: int = 0
    recipient_id: int | None = None

    @property
    def is_dm(self) -> bool:
        return self.type == DM_CHANNEL


@dataclass
class Guild:
    id: int
    name: str
    owner_id: int
    roles: list[Role] = field(default_factory=list)
    members: dict[int, Member] = field(default_factory=dict)
    channels: list[Channel] = field(default_factory=list)

    @property
    def everyone_role(self) -> Role:
        return self.roles[0]

    @property
    def admin_role(self) -> Role:
        return next(r for r in self.roles if r.name == "Admin")


@dataclass
class RecordedFile:
    field_name: str
    filename: str
    data: bytes
    content_type: str | None = None


@dataclass
class RecordedRequest:
    method: str
    path: str
    query: dict[str, str]
    json: Any
    files: list[RecordedFile] = field(default_factory=list)
    headers: dict[str, str] = field(default_factory=dict)
    status: int = 0
    known_route: bool = True


def with_component_ids(components: list[JSON], counter: list[int]) -> list[JSON]:
    out: list[JSON] = []
    for comp in components:
        copy = dict(comp)
        counter[0] += 1
        copy.setdefault("id", counter[0])
        if isinstance(copy.get("components"), list):
            copy["components"] = with_component_ids(copy["components"], counter)
        out.append(copy)
    return out


def find_component(components: list[JSON], custom_id: str) -> JSON | None:
    """The component (at any depth) whose ``custom_id`` matches."""
    for comp in components:
        if comp.get("custom_id") == custom_id:
            return comp
        for key in ("components", "accessory"):
            inner = comp.get(key)
            if isinstance(inner, dict):
                inner = [inner]
            if isinstance(inner, list):
                found = find_component(inner, custom_id)
                if found is not None:
                    return found
    return None
