"""The fake gateway: one websocket session per connected client, plain JSON text frames."""

from __future__ import annotations

import asyncio
import json
import logging
import secrets
from collections.abc import Callable
from typing import Any

from aiohttp import WSMsgType, web

from .snowflake import shard_of
from .state import JSON
from .world import World

log = logging.getLogger(__name__)

DISPATCH = 0
HEARTBEAT = 1
IDENTIFY = 2
PRESENCE_UPDATE = 3
RESUME = 6
RECONNECT = 7
REQUEST_GUILD_MEMBERS = 8
INVALID_SESSION = 9
HELLO = 10
HEARTBEAT_ACK = 11

INTENT_GUILD_MEMBERS = 1 << 1
INTENT_GUILD_MESSAGES = 1 << 9
INTENT_GUILD_MESSAGE_REACTIONS = 1 << 10
INTENT_DIRECT_MESSAGES = 1 << 12
INTENT_DIRECT_MESSAGE_REACTIONS = 1 << 13
INTENT_MESSAGE_CONTENT = 1 << 15
PRIVILEGED_INTENTS = INTENT_GUILD_MEMBERS | (1 << 8) | INTENT_MESSAGE_CONTENT

CLOSE_AUTHENTICATION_FAILED = 4004
CLOSE_DISALLOWED_INTENTS = 4014

HEARTBEAT_INTERVAL_MS = 41250


def guild_of(event: str, data: JSON) -> int | None:
    """The guild a dispatched event belongs to; None for DMs."""
    if event.startswith("GUILD_") and "guild_id" not in data:
        return int(data["id"])  # GUILD_CREATE and the like carry the guild itself
    guild_id = data.get("guild_id")
    return int(guild_id) if guild_id else None


class GatewaySession:
    """A single client connection to the gateway."""

    def __init__(
        self,
        ws: web.WebSocketResponse,
        world: World,
        *,
        resume_url: str,
        allowed_intents: int,
        valid_token: Callable[[str], bool],
        on_change: Callable[[], None],
        find_session: Callable[[str], GatewaySession | None],
    ) -> None:
        self.ws = ws
        self.world = world
        self.resume_url = resume_url
        self.allowed_intents = allowed_intents
        self._valid_token = valid_token
        self._on_change = on_change
        self._find_session = find_session
        self.session_id = secrets.token_hex(16)
        self.seq = 0
        self.intents = 0
        self.identified = False
        self.ready_sent = False
        self.shard_id = 0  # a client that IDENTIFYs without a shard gets everything
        self.shard_count = 1
        self.received: list[JSON] = []
        self._lock = asyncio.Lock()

    @property
    def open(self) -> bool:
        return not self.ws.closed

    def has_intent(self, bit: int) -> bool:
        return bool(self.intents & bit)

    @property
    def shard(self) -> tuple[int, int]:
        """``(shard_id, shard_count)`` from IDENTIFY; ``(0, 1)`` when none was given."""
        return self.shard_id, self.shard_count

    def owns(self, guild_id: int | None) -> bool:
        """Whether events of this guild come to this session; DMs go to shard 0."""
        if guild_id is None:
            return self.shard_id == 0
        return shard_of(guild_id, self.shard_count) == self.shard_id

    async def send(self, op: int, data: Any, event: str | None = None) -> None:
        async with self._lock:
            if self.ws.closed:
                return
            frame: JSON = {"op": op, "d": data, "s": None, "t": event}
            if op == DISPATCH:
                self.seq += 1
                frame["s"] = self.seq
            try:
                await self.ws.send_str(json.dumps(frame))
            except (ConnectionError, RuntimeError):
                log.debug("gateway send failed; client went away")

    async def dispatch(self, event: str, data: JSON) -> None:
        await self.send(DISPATCH, data, event)

    async def run(self) -> None:
        await self.send(HELLO, {"heartbeat_interval": HEARTBEAT_INTERVAL_MS, "_trace": []})
        async for msg in self.ws:
            if msg.type != WSMsgType.TEXT:
                if msg.type == WSMsgType.ERROR:
                    break
                continue
            try:
                frame = json.loads(msg.data)
            except ValueError:
                continue
            self.received.append(frame)
            await self._handle(frame)
        self._on_change()

    async def _handle(self, frame: JSON) -> None:
        op = frame.get("op")
        data = frame.get("d")
        if not isinstance(data, dict):
            data = {}
        if op == HEARTBEAT:
            await self.send(HEARTBEAT_ACK, None)
        elif op == IDENTIFY:
            await self._identify(data)
        elif op == RESUME:
            await self._resume(data)
        elif op == REQUEST_GUILD_MEMBERS:
            await self._members_chunk(data)
        self._on_change()

    async def _identify(self, data: JSON) -> None:
        if not self._valid_token(str(data.get("token", ""))):
            await self.ws.close(code=CLOSE_AUTHENTICATION_FAILED, message=b"Authentication failed.")
            return
        self.intents = int(data.get("intents", 0))
        if self.intents & PRIVILEGED_INTENTS & ~self.allowed_intents:
            await self.ws.close(code=CLOSE_DISALLOWED_INTENTS, message=b"Disallowed intent(s).")
            return
        shard = data.get("shard")
        if isinstance(shard, list) and len(shard) == 2:
            self.shard_id, self.shard_count = int(shard[0]), int(shard[1])
        self.identified = True
        world = self.world
        guilds = [g for g in world.guilds.values() if self.owns(g.id)]
        ready: JSON = {
            "v": 10,
            "user": {
                **world.bot_user.payload(),
                "verified": True,
                "mfa_enabled": False,
                "flags": 0,
            },
            "guilds": [{"id": str(g.id), "unavailable": True} for g in guilds],
            "session_id": self.session_id,
            "resume_gateway_url": self.resume_url,
            "application": {"id": str(world.application_id), "flags": 0},
            "private_channels": [],
            "relationships": [],
            "presences": [],
            "user_settings": {},
            "geo_ordered_rtc_regions": [],
            "guild_join_requests": [],
            "auth": {},
            "_trace": [],
        }
        if "shard" in data:
            ready["shard"] = data["shard"]
        await self.dispatch("READY", ready)
        for guild in guilds:
            await self.dispatch("GUILD_CREATE", world.guild_create_payload(guild))
        self.ready_sent = True

    async def _resume(self, data: JSON) -> None:
        previous = self._find_session(str(data.get("session_id")))
        if previous is None or not self._valid_token(str(data.get("token", ""))):
            await self.send(INVALID_SESSION, False)
            return
        self.session_id = previous.session_id
        self.intents = previous.intents
        self.seq = previous.seq
        self.shard_id, self.shard_count = previous.shard
        self.identified = self.ready_sent = True
        previous.identified = False
        await self.dispatch("RESUMED", {"_trace": []})

    async def _members_chunk(self, data: JSON) -> None:
        guild = self.world.guilds.get(int(data.get("guild_id", 0)))
        if guild is None:
            return
        wanted = {int(u) for u in data.get("user_ids") or []}
        query = str(data.get("query") or "").lower()
        members = [
            self.world.member_payload(guild, uid)
            for uid, m in guild.members.items()
            if (not wanted or uid in wanted) and m.user.name.lower().startswith(query)
        ]
        chunk: JSON = {
            "guild_id": str(guild.id),
            "members": members,
            "chunk_index": 0,
            "chunk_count": 1,
            "not_found": [],
        }
        if data.get("nonce") is not None:
            chunk["nonce"] = data["nonce"]
        await self.dispatch("GUILD_MEMBERS_CHUNK", chunk)
