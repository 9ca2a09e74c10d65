"""Building INTERACTION_CREATE payloads and tracking what the bot answered."""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from typing import Any

from .state import DEFAULT_PERMISSIONS, JSON, Channel, Guild, RecordedFile, User, find_component
from .world import World

APPLICATION_COMMAND = 2
MESSAGE_COMPONENT = 3
AUTOCOMPLETE = 4
MODAL_SUBMIT = 5

CHAT_INPUT = 1  # application command types
USER_MENU = 2
MESSAGE_MENU = 3

TEXT_INPUT = 4  # component types a form holds
LABEL = 18

OPT_SUB_COMMAND = 1
OPT_SUB_COMMAND_GROUP = 2
OPT_STRING = 3
OPT_INTEGER = 4
OPT_BOOLEAN = 5
OPT_USER = 6
OPT_CHANNEL = 7
OPT_ROLE = 8
OPT_NUMBER = 10
OPT_ATTACHMENT = 11

ATTACHMENT_SIZE_LIMIT = 10 * 1024 * 1024


@dataclass(frozen=True)
class Upload:
    """A file a user attaches to a slash command option (type 11).

    ``size`` overrides the size Discord reports, to test a bot that checks the size
    before it downloads; the fake still serves ``data``.
    """

    filename: str
    data: bytes
    content_type: str | None = "text/csv"
    size: int | None = None


@dataclass
class Interaction:
    """One interaction sent to the bot, and everything the bot did with it."""

    id: int
    token: str
    type: int
    payload: JSON
    channel_id: int
    guild_id: int | None
    user_id: int
    source_message_id: int | None = None
    response: JSON | None = None
    response_message_id: int | None = None
    followups: list[JSON] = field(default_factory=list)
    edits: list[JSON] = field(default_factory=list)
    original_deleted: bool = False
    _followups_taken: int = 0

    @property
    def responded(self) -> bool:
        return self.response is not None


def _infer_type(value: Any) -> int:
    if isinstance(value, bool):
        return OPT_BOOLEAN
    if isinstance(value, int):
        return OPT_INTEGER
    if isinstance(value, float):
        return OPT_NUMBER
    if isinstance(value, User):
        return OPT_USER
    if isinstance(value, Channel):
        return OPT_CHANNEL
    if isinstance(value, Upload):
        return OPT_ATTACHMENT
    return OPT_STRING


def _leaf_definitions(command: JSON | None, path: list[str]) -> list[JSON]:
    defs: list[JSON] = list(command.get("options", [])) if command else []
    for name in path:
        node = next((d for d in defs if d.get("name") == name), None)
        defs = list(node.get("options", [])) if node else []
    return defs


def _id_of(value: Any) -> str:
    if isinstance(value, User | Channel):
        return str(value.id)
    return str(value)


def build_options(
    world: World,
    guild: Guild | None,
    command: JSON | None,
    options: dict[str, Any] | list[JSON],
    subcommand: str | None,
    focused: str | None = None,
) -> tuple[list[JSON], JSON]:
    """Typed option list (nested under sub-commands) and the ``resolved`` map."""
    path = subcommand.split() if subcommand else []
    resolved: JSON = {}
    if isinstance(options, list):
        leaf = [dict(o) for o in options]
    else:
        defs = {d["name"]: d for d in _leaf_definitions(command, path)}
        values = dict(options)
        if focused is not None and focused not in values:
            values[focused] = ""
        leaf = []
        for name, value in values.items():
            otype = int(defs[name]["type"]) if name in defs else _infer_type(value)
            leaf.append(_typed_option(world, guild, name, otype, value, resolved))
    for opt in leaf:
        if focused is not None and opt["name"] == focused:
            opt["focused"] = True
            opt["value"] = str(opt.get("value", ""))
    nested = leaf
    for depth in range(len(path) - 1, -1, -1):
        is_group = depth < len(path) - 1
        kind = OPT_SUB_COMMAND_GROUP if is_group else OPT_SUB_COMMAND
        nested = [{"name": path[depth], "type": kind, "options": nested}]
    return nested, resolved


def _typed_option(
    world: World, guild: Guild | None, name: str, otype: int, value: Any, resolved: JSON
) -> JSON:
    if otype == OPT_USER:
        uid = int(_id_of(value))
        user = world.users[uid]
        resolved.setdefault("users", {})[str(uid)] = user.payload()
        if guild is not None and uid in guild.members:
            member = world.member_payload(guild, uid, with_user=False)
            member["permissions"] = str(world.permissions_for(guild, uid))
            resolved.setdefault("members", {})[str(uid)] = member
        return {"name": name, "type": otype, "value": str(uid)}
    if otype == OPT_CHANNEL:
        cid = int(_id_of(value))
        data = world.channel_payload(world.channels[cid])
        data["permissions"] = str(world.permissions_for(guild, world.bot_user.id) if guild else 0)
        resolved.setdefault("channels", {})[str(cid)] = data
        return {"name": name, "type": otype, "value": str(cid)}
    if otype == OPT_ATTACHMENT and isinstance(value, Upload):
        upload = RecordedFile("", value.filename, value.data, value.content_type)
        [attachment] = world.attachment_payloads([upload])
        if value.size is not None:
            attachment["size"] = value.size
        resolved.setdefault("attachments", {})[attachment["id"]] = attachment
        return {"name": name, "type": otype, "value": attachment["id"]}
    if otype == OPT_ROLE and guild is not None:
        rid = int(_id_of(value))
        role = next(r for r in guild.roles if r.id == rid)
        resolved.setdefault("roles", {})[str(rid)] = role.payload()
        return {"name": name, "type": otype, "value": str(rid)}
    if otype == OPT_INTEGER and not isinstance(value, str):
        value = int(value)
    elif otype == OPT_NUMBER and not isinstance(value, str):
        value = float(value)
    return {"name": name, "type": otype, "value": value}


def interaction_payload(
    world: World,
    *,
    itype: int,
    guild: Guild | None,
    channel: Channel,
    user: User,
    data: JSON,
    message: JSON | None = None,
    user_install: bool = False,
) -> Interaction:
    """``user_install``: the lifter installed the app for themselves (integration type
    1), so Discord names them as the authorizing owner instead of a server."""
    iid = world.ids.next()
    token = f"itoken-{iid}-{secrets.token_hex(8)}"
    payload: JSON = {
        "id": str(iid),
        "application_id": str(world.application_id),
        "type": itype,
        "data": data,
        "channel_id": str(channel.id),
        "channel": world.channel_payload(channel),
        "token": token,
        "version": 1,
        "locale": "en-US",
        "entitlements": [],
        "entitlement_sku_ids": [],
        "attachment_size_limit": ATTACHMENT_SIZE_LIMIT,
    }
    if guild is not None:
        member = world.member_payload(guild, user.id)
        member["permissions"] = str(world.permissions_for(guild, user.id))
        bot_perms = world.permissions_for(guild, world.bot_user.id)
        payload["channel"]["permissions"] = member["permissions"]
        payload.update(
            guild_id=str(guild.id),
            guild={"id": str(guild.id), "locale": "en-US", "features": []},
            guild_locale="en-US",
            member=member,
            app_permissions=str(bot_perms),
            authorizing_integration_owners={"0": str(guild.id)},
            context=0,
        )
    else:
        payload.update(
            user=user.payload(),
            app_permissions=str(DEFAULT_PERMISSIONS),
            authorizing_integration_owners={"0": "0"},
            context=1,
        )
    if user_install:
        payload["authorizing_integration_owners"] = {"1": str(user.id)}
        if guild is None and channel.recipient_id not in (None, world.bot_user.id, user.id):
            payload["context"] = 2  # a DM or group DM between people, not with the bot
    if message is not None:
        payload["message"] = message
    return Interaction(
        id=iid,
        token=token,
        type=itype,
        payload=payload,
        channel_id=channel.id,
        guild_id=guild.id if guild else None,
        user_id=user.id,
        source_message_id=int(message["id"]) if message else None,
    )


def command_data(
    world: World,
    guild: Guild | None,
    name: str,
    options: dict[str, Any] | list[JSON],
    subcommand: str | None,
    focused: str | None = None,
) -> JSON:
    command = world.find_command(name, guild.id if guild else None)
    opts, resolved = build_options(world, guild, command, options, subcommand, focused)
    data: JSON = {
        "id": command["id"] if command else str(world.ids.next()),
        "name": name,
        "type": 1,
        "options": opts,
    }
    if command is not None and command.get("guild_id"):
        data["guild_id"] = command["guild_id"]
    if resolved:
        data["resolved"] = resolved
    return data


def message_menu_data(world: World, guild: Guild | None, name: str, target: JSON) -> JSON:
    """A message menu command (type 3) on ``target``, resolved as Discord sends it."""
    command = world.find_command(name, guild.id if guild else None, kind=MESSAGE_MENU)
    data: JSON = {
        "id": command["id"] if command else str(world.ids.next()),
        "name": name,
        "type": MESSAGE_MENU,
        "target_id": str(target["id"]),
        # Discord hands the message's text to the app whatever its intents.
        "resolved": {"messages": {str(target["id"]): dict(target)}},
    }
    if command is not None and command.get("guild_id"):
        data["guild_id"] = command["guild_id"]
    return data


def form_fields(form: JSON) -> dict[str, JSON]:
    """A form's (modal's) text fields by custom id, in rows (type 1) or labels (18)."""
    found: dict[str, JSON] = {}

    def walk(items: list[JSON]) -> None:
        for item in items:
            if item.get("type") == TEXT_INPUT:
                found[str(item["custom_id"])] = item
            walk(item.get("components") or [])
            if isinstance(item.get("component"), dict):
                walk([item["component"]])

    walk(form.get("components") or [])
    return found


def form_problem(form: JSON) -> str | None:
    """What Discord would refuse in a form the bot sends (None: nothing)."""
    title, custom_id = str(form.get("title") or ""), str(form.get("custom_id") or "")
    if not title or len(title) > 45 or not custom_id or len(custom_id) > 100:
        return "Invalid Form Body (title or custom_id)"
    fields = form_fields(form)
    if not 1 <= len(fields) <= 5:
        return "Invalid Form Body (components)"
    for text_field in fields.values():
        value = str(text_field.get("value") or "")
        limit = int(text_field.get("max_length") or 4000)
        if len(value) > limit or limit > 4000:
            return "Invalid Form Body (value longer than max_length)"
    return None


def form_submit_data(custom_id: str, values: dict[str, str]) -> JSON:
    """What Discord sends when a form is submitted: each field in a row of its own."""
    rows = [{"type": 1, "components": [{"type": TEXT_INPUT, "custom_id": key, "value": value}]}
            for key, value in values.items()]
    return {"custom_id": custom_id, "components": rows}


def component_data(message: JSON, custom_id: str, values: list[str] | None) -> JSON:
    found = find_component(message.get("components", []), custom_id)
    ctype = int(found.get("type", 2)) if found else 2
    data: JSON = {"custom_id": custom_id, "component_type": ctype}
    if values is not None or ctype in (3, 5, 6, 7, 8):
        data["values"] = list(values or [])
    return data


def metadata_for(ix: Interaction, world: World) -> JSON:
    """The ``interaction_metadata`` Discord attaches to messages an interaction created."""
    user = world.users[ix.user_id]
    owners = ix.payload.get("authorizing_integration_owners", {})
    data: JSON = {
        "id": str(ix.id),
        "type": ix.type,
        "user": user.payload(),
        "authorizing_integration_owners": owners,
    }
    if ix.type == APPLICATION_COMMAND:
        data["name"] = ix.payload["data"]["name"]
        data["command_type"] = int(ix.payload["data"].get("type", CHAT_INPUT))
    if ix.source_message_id is not None:
        data["interacted_message_id"] = str(ix.source_message_id)
    return data
