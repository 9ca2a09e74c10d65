"""REST routes of the fake Discord API (mounted under /api/v10)."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from aiohttp import web

from .state import JSON, Channel, RecordedRequest

if TYPE_CHECKING:
    from .server import FakeDiscordServer as FakeDiscord

EPHEMERAL = 1 << 6
LOADING = 1 << 7
REC_KEY = web.RequestKey("rec", RecordedRequest)


def json_response(
    data: Any, status: int = 200, headers: dict[str, str] | None = None
) -> web.Response:
    """A JSON reply with exactly ``Content-Type: application/json`` (discord.py checks it)."""
    return web.Response(
        body=json.dumps(data).encode(),
        status=status,
        headers={"Content-Type": "application/json", **(headers or {})},
    )


def error(status: int, code: int, message: str) -> web.Response:
    return json_response({"code": code, "message": message}, status)


def no_content() -> web.Response:
    return web.Response(status=204)


def not_found(code: int, message: str) -> web.HTTPNotFound:
    """An exception the middleware turns into Discord's JSON 404 body."""
    body = json.dumps({"code": code, "message": message})
    return web.HTTPNotFound(text=body, content_type="application/json")


def rec_of(request: web.Request) -> RecordedRequest:
    return request[REC_KEY]


def body_of(request: web.Request) -> JSON:
    data = rec_of(request).json
    return data if isinstance(data, dict) else {}


def int_param(request: web.Request, key: str) -> int:
    try:
        return int(request.match_info[key])
    except ValueError:
        raise web.HTTPNotFound() from None


class RestApi:
    """Route handlers; state lives on the owning :class:`FakeDiscord`."""

    def __init__(self, fake: FakeDiscord) -> None:
        self.fake = fake
        self.world = fake.world
        # (channel id, nonce) -> message id, for sends with enforce_nonce (never expire here)
        self.nonces: dict[tuple[int, str], int] = {}

    def routes(self, prefix: str) -> list[web.RouteDef]:
        p = prefix
        return [
            web.get(p + "/users/@me", self.get_me),
            web.post(p + "/users/@me/channels", self.create_dm),
            web.get(p + "/users/{user_id}", self.get_user),
            web.get(p + "/oauth2/applications/@me", self.get_application),
            web.get(p + "/applications/@me", self.get_application),
            web.get(p + "/gateway", self.get_gateway),
            web.get(p + "/gateway/bot", self.get_gateway),
            web.get(p + "/channels/{channel_id}", self.get_channel),
            web.get(p + "/channels/{channel_id}/messages", self.list_messages),
            web.post(p + "/channels/{channel_id}/messages", self.create_message),
            web.get(p + "/channels/{channel_id}/messages/{message_id}", self.get_message),
            web.patch(p + "/channels/{channel_id}/messages/{message_id}", self.edit_message),
            web.delete(p + "/channels/{channel_id}/messages/{message_id}", self.delete_message),
            web.put(
                p + "/channels/{channel_id}/messages/{message_id}/reactions/{emoji}/{who}",
                self.add_reaction,
            ),
            web.delete(
                p + "/channels/{channel_id}/messages/{message_id}/reactions/{emoji}/{who}",
                self.remove_reaction,
            ),
            web.post(p + "/channels/{channel_id}/typing", self.typing),
            web.get(p + "/guilds/{guild_id}", self.get_guild),
            web.get(p + "/guilds/{guild_id}/members/{user_id}", self.get_member),
            web.get(p + "/applications/{app_id}/commands", self.get_commands),
            web.put(p + "/applications/{app_id}/commands", self.put_commands),
            web.post(p + "/applications/{app_id}/commands", self.post_command),
            web.get(p + "/applications/{app_id}/guilds/{guild_id}/commands", self.get_commands),
            web.put(p + "/applications/{app_id}/guilds/{guild_id}/commands", self.put_commands),
            web.post(p + "/applications/{app_id}/guilds/{guild_id}/commands", self.post_command),
        ]

    # ---- users, application, gateway ------------------------------------------
    async def get_me(self, request: web.Request) -> web.Response:
        if self.fake.token_rejected:
            return error(401, 0, "401: Unauthorized")
        me = self.world.bot_user.payload()
        return json_response({**me, "verified": True, "mfa_enabled": False, "flags": 0})

    async def get_user(self, request: web.Request) -> web.Response:
        user = self.world.users.get(int_param(request, "user_id"))
        if user is None:
            return error(404, 10013, "Unknown User")
        return json_response(user.payload())

    async def create_dm(self, request: web.Request) -> web.Response:
        try:
            uid = int(body_of(request).get("recipient_id", 0))
        except (TypeError, ValueError):
            uid = 0
        if uid not in self.world.users:
            return error(400, 50033, "Invalid Recipient(s)")
        return json_response(self.world.channel_payload(self.world.dm_channel(uid)))

    async def get_application(self, request: web.Request) -> web.Response:
        bot = self.world.bot_user
        return json_response(
            {
                "id": str(self.world.application_id),
                "name": bot.name,
                "description": "",
                "icon": None,
                "bot_public": False,
                "bot_require_code_grant": False,
                "owner": self.fake.app_owner.payload(),
                "verify_key": "0" * 64,
                "flags": 0,
                "team": None,
                "bot": bot.payload(),
            }
        )

    async def get_gateway(self, request: web.Request) -> web.Response:
        return json_response(
            {
                "url": self.fake.gateway_url,
                "shards": 1,
                "session_start_limit": {
                    "total": 1000,
                    "remaining": 999,
                    "reset_after": 0,
                    "max_concurrency": 1,
                },
            }
        )

    # ---- guilds and channels ----------------------------------------------------
    async def get_guild(self, request: web.Request) -> web.Response:
        guild = self.world.guilds.get(int_param(request, "guild_id"))
        if guild is None:
            return error(404, 10004, "Unknown Guild")
        return json_response(self.world.guild_payload(guild))

    async def get_member(self, request: web.Request) -> web.Response:
        guild = self.world.guilds.get(int_param(request, "guild_id"))
        uid = int_param(request, "user_id")
        if guild is None or uid not in guild.members:
            return error(404, 10007, "Unknown Member")
        return json_response(self.world.member_payload(guild, uid))

    def _channel(self, request: web.Request) -> Channel:
        channel = self.world.channels.get(int_param(request, "channel_id"))
        if channel is None:
            raise not_found(10003, "Unknown Channel")
        return channel

    async def get_channel(self, request: web.Request) -> web.Response:
        return json_response(self.world.channel_payload(self._channel(request)))

    async def typing(self, request: web.Request) -> web.Response:
        self._channel(request)
        return no_content()

    # ---- messages ------------------------------------------------------------------
    def _message(self, request: web.Request) -> JSON:
        channel = self._channel(request)
        msg = self.world.messages.get(int_param(request, "message_id"))
        if msg is None or int(msg["channel_id"]) != channel.id:
            raise not_found(10008, "Unknown Message")
        return msg

    async def list_messages(self, request: web.Request) -> web.Response:
        channel = self._channel(request)
        limit = int(request.query.get("limit", "50"))
        ids = self.world.channel_messages.get(channel.id, [])[::-1][:limit]
        msgs = [self.fake.as_seen_by_bot(self.world.messages[i]) for i in ids]
        return json_response(msgs)

    async def get_message(self, request: web.Request) -> web.Response:
        return json_response(self.fake.as_seen_by_bot(self._message(request)))

    async def create_message(self, request: web.Request) -> web.Response:
        channel = self._channel(request)
        if channel.is_dm and channel.recipient_id in self.fake.dm_failures:
            code = self.fake.dm_failures[channel.recipient_id or 0]
            return error(403, code, "Cannot send messages to this user")
        body = body_of(request)
        nonce = body.get("nonce")
        if nonce is not None and body.get("enforce_nonce"):
            # Discord: a repeated nonce returns the message it already created.
            earlier = self.world.messages.get(self.nonces.get((channel.id, str(nonce)), 0))
            if earlier is not None:
                return json_response(earlier)
        msg = self.world.new_message(
            channel,
            self.world.bot_user,
            content=str(body.get("content") or ""),
            embeds=body.get("embeds"),
            components=body.get("components"),
            attachments=self.world.attachment_payloads(rec_of(request).files),
            flags=int(body.get("flags") or 0),
            reference=body.get("message_reference"),
        )
        if nonce is not None:
            msg["nonce"] = str(nonce)
            if body.get("enforce_nonce"):
                self.nonces[(channel.id, str(nonce))] = int(msg["id"])
        await self.fake.broadcast_message("MESSAGE_CREATE", msg)
        return json_response(msg)

    async def edit_message(self, request: web.Request) -> web.Response:
        msg = self._message(request)
        files = self.world.attachment_payloads(rec_of(request).files)
        msg = self.world.edit_message(int(msg["id"]), body_of(request), files)
        await self.fake.broadcast_message("MESSAGE_UPDATE", msg)
        return json_response(msg)

    async def delete_message(self, request: web.Request) -> web.Response:
        await self.fake.delete_message(self._message(request))
        return no_content()

    async def add_reaction(self, request: web.Request) -> web.Response:
        msg = self._message(request)
        emoji = request.match_info["emoji"]
        reactions: list[JSON] = msg.setdefault("reactions", [])
        entry = next((r for r in reactions if r["emoji"]["name"] == emoji.split(":")[0]), None)
        if entry is None:
            entry = {"emoji": self.fake.emoji_payload(emoji), "count": 0, "me": False}
            reactions.append(entry)
        if not entry["me"]:
            entry["count"] += 1
            entry["me"] = True
            await self.fake.broadcast_reaction(
                "MESSAGE_REACTION_ADD", msg, self.world.bot_user.id, emoji
            )
        return no_content()

    async def remove_reaction(self, request: web.Request) -> web.Response:
        msg = self._message(request)
        name = request.match_info["emoji"].split(":")[0]
        for entry in msg.get("reactions", []):
            if entry["emoji"]["name"] == name and entry["count"] > 0:
                entry["count"] -= 1
                entry["me"] = False
        msg["reactions"] = [r for r in msg.get("reactions", []) if r["count"] > 0]
        return no_content()

    # ---- application commands -----------------------------------------------------
    def _scope(self, request: web.Request) -> int | None:
        if int_param(request, "app_id") != self.world.application_id:
            raise web.HTTPForbidden()
        return int_param(request, "guild_id") if "guild_id" in request.match_info else None

    async def get_commands(self, request: web.Request) -> web.Response:
        return json_response(self.world.synced_commands.get(self._scope(request), []))

    async def put_commands(self, request: web.Request) -> web.Response:
        scope = self._scope(request)
        body = rec_of(request).json
        return json_response(
            self.world.store_commands(scope, body if isinstance(body, list) else [])
        )

    async def post_command(self, request: web.Request) -> web.Response:
        scope = self._scope(request)
        return json_response(self.world.upsert_command(scope, body_of(request)), 201)
