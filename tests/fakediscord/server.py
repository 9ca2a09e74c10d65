"""The aiohttp application: request recording, fault injection, gateway fan-out."""

from __future__ import annotations

import asyncio
import contextlib
import json
import math
import re
import time
from collections.abc import Awaitable, Callable, Coroutine, Iterator
from types import TracebackType
from typing import Any, Self, TypeVar

import yarl
from aiohttp import BodyPartReader, web

from .gateway import (
    INTENT_DIRECT_MESSAGE_REACTIONS,
    INTENT_DIRECT_MESSAGES,
    INTENT_GUILD_MESSAGE_REACTIONS,
    INTENT_GUILD_MESSAGES,
    INTENT_MESSAGE_CONTENT,
    PRIVILEGED_INTENTS,
    GatewaySession,
    guild_of,
)
from .interactions import Interaction
from .rest import REC_KEY, RestApi, json_response
from .state import JSON, RecordedFile, RecordedRequest, User
from .webhooks import InteractionApi
from .world import World

API_PREFIX = "/api/v10"
CUSTOM_EMOJI_RE = re.compile(r"^<?(a)?:?([\w~-]+):(\d+)>?$")
T = TypeVar("T")
Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


def blank_content(msg: JSON, bot_id: int) -> JSON:
    """What a bot without the message-content intent sees of ``msg`` (Discord's rules)."""
    if "guild_id" not in msg or "author" not in msg or int(msg["author"]["id"]) == bot_id:
        return msg
    if any(int(m["id"]) == bot_id for m in msg.get("mentions", [])):
        return msg
    return {**msg, "content": "", "embeds": [], "attachments": [], "components": []}


class FakeDiscordServer:
    """HTTP + gateway plumbing; :class:`FakeDiscord` adds the test-facing driving API."""

    def __init__(self, *, message_content_intent_allowed: bool = True) -> None:
        self.world = World()
        self.app_owner = self.world.add_user("app-owner")
        self.allowed_intents = PRIVILEGED_INTENTS
        if not message_content_intent_allowed:
            self.allowed_intents &= ~INTENT_MESSAGE_CONTENT
        self.requests: list[RecordedRequest] = []
        self.sessions: list[GatewaySession] = []
        self.interactions: dict[int, Interaction] = {}
        self.interactions_by_token: dict[str, Interaction] = {}
        self.dm_failures: dict[int, int] = {}
        self.token_rejected = False
        self._rate_limits: list[tuple[str, float]] = []
        self._failures: list[tuple[str, str | None, int, int, str]] = []
        self._event = asyncio.Event()
        self._tasks: set[asyncio.Task[None]] = set()
        self._runner: web.AppRunner | None = None
        self.port = 0

    # ---- lifecycle --------------------------------------------------------------------
    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def api_url(self) -> str:
        return self.base_url + API_PREFIX

    @property
    def gateway_url(self) -> str:
        return f"ws://127.0.0.1:{self.port}/gateway"

    async def start(self) -> None:
        @web.middleware
        async def middleware(request: web.Request, handler: Handler) -> web.StreamResponse:
            return await self._handle(request, handler)

        app = web.Application(middlewares=[middleware], client_max_size=64 * 1024 * 1024)
        app.add_routes(RestApi(self).routes(API_PREFIX))
        app.add_routes(InteractionApi(self).routes(API_PREFIX))
        app.router.add_get("/gateway", self._gateway)
        app.router.add_get("/gateway/", self._gateway)
        app.router.add_get("/attachments/{attachment_id}/{filename}", self._attachment)
        app.router.add_route("*", "/{tail:.*}", self._unknown)
        self._runner = web.AppRunner(app, shutdown_timeout=0.5, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self.port = int(self._runner.addresses[0][1])
        self.world.cdn_base = self.base_url

    async def stop(self) -> None:
        for session in self.sessions:
            if session.open:
                await session.ws.close(code=1001)
        for task in list(self._tasks):
            task.cancel()
        if self._tasks:
            await asyncio.gather(*self._tasks, return_exceptions=True)
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def __aenter__(self) -> Self:
        await self.start()
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.stop()

    @contextlib.contextmanager
    def patch_discord(self) -> Iterator[None]:
        """Point discord.py's REST base and default gateway at this server."""
        from discord.gateway import DiscordWebSocket
        from discord.http import Route

        old_base, old_gateway = Route.BASE, DiscordWebSocket.DEFAULT_GATEWAY
        Route.BASE = self.api_url
        DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(self.gateway_url)
        try:
            yield
        finally:
            Route.BASE = old_base
            DiscordWebSocket.DEFAULT_GATEWAY = old_gateway

    # ---- fault injection --------------------------------------------------------------
    def fail_dm(self, user: User, code: int = 50007) -> None:
        """Sending a DM to ``user`` answers 403 with ``code`` (Discord: DMs closed)."""
        self.dm_failures[user.id] = code

    def rate_limit_next(self, path_substring: str, retry_after: float = 0.05) -> None:
        """The next request whose path contains ``path_substring`` answers 429 once."""
        self._rate_limits.append((path_substring, retry_after))

    def fail_next(
        self,
        path_substring: str,
        *,
        method: str | None = None,
        status: int = 400,
        code: int = 50035,
        message: str = "Invalid Form Body",
    ) -> None:
        """The next request whose path contains ``path_substring`` (and whose method is
        ``method``, if given) fails once with ``status`` and Discord's error ``code``."""
        self._failures.append((path_substring, method and method.upper(), status, code, message))

    def _failed(self, rec: RecordedRequest) -> web.Response | None:
        for index, (needle, method, status, code, message) in enumerate(self._failures):
            if needle in rec.path and (method is None or method == rec.method):
                del self._failures[index]
                return json_response({"code": code, "message": message}, status)
        return None

    def reject_token(self) -> None:
        """``GET /users/@me`` answers 401 and IDENTIFY is refused (bad token)."""
        self.token_rejected = True

    def _rate_limited(self, rec: RecordedRequest) -> web.Response | None:
        for index, (needle, retry_after) in enumerate(self._rate_limits):
            if needle in rec.path:
                del self._rate_limits[index]
                headers = {
                    "Via": "1.1 google",
                    "Retry-After": str(math.ceil(retry_after)),
                    "X-RateLimit-Limit": "5",
                    "X-RateLimit-Remaining": "0",
                    "X-RateLimit-Reset": f"{time.time() + retry_after:.3f}",
                    "X-RateLimit-Reset-After": f"{retry_after:.3f}",
                    "X-RateLimit-Bucket": "fake-bucket",
                    "X-RateLimit-Scope": "user",
                }
                body = {
                    "message": "You are being rate limited.",
                    "retry_after": retry_after,
                    "global": False,
                }
                return json_response(body, 429, headers)
        return None

    # ---- waiting ------------------------------------------------------------------------
    def changed(self) -> None:
        """Wake everything blocked in :meth:`wait_until`."""
        event, self._event = self._event, asyncio.Event()
        event.set()

    async def wait_until(
        self,
        predicate: Callable[[], T | None],
        timeout: float = 5.0,  # noqa: ASYNC109
        what: str = "condition",
    ) -> T:
        """Wait until ``predicate()`` returns something other than None/False."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while True:
            result = predicate()
            if result is not None and result is not False:
                return result
            remaining = deadline - loop.time()
            if remaining <= 0:
                raise TimeoutError(f"fake discord: timed out after {timeout}s waiting for {what}")
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._event.wait(), remaining)

    async def wait_ready(self, timeout: float = 10) -> None:  # noqa: ASYNC109
        """Wait until a client identified and got READY plus a GUILD_CREATE per guild."""
        await self.wait_until(
            lambda: any(s.ready_sent and s.open for s in self.sessions) or None,
            timeout,
            "the bot to identify",
        )

    def spawn(self, coro: Coroutine[Any, Any, None]) -> None:
        task = asyncio.get_running_loop().create_task(coro)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    # ---- gateway fan-out ---------------------------------------------------------------
    @property
    def live_sessions(self) -> list[GatewaySession]:
        return [s for s in self.sessions if s.identified and s.open]

    @property
    def bot_intents(self) -> int | None:
        """Intents of the most recent IDENTIFY, or None before any."""
        identified = [s for s in self.sessions if s.identified]
        return identified[-1].intents if identified else None

    def as_seen_by_bot(self, msg: JSON) -> JSON:
        intents = self.bot_intents
        if intents is None or intents & INTENT_MESSAGE_CONTENT:
            return msg
        return blank_content(msg, self.world.bot_user.id)

    def sessions_for(self, guild_id: int | None) -> list[GatewaySession]:
        """Live sessions that receive this guild's events (its shard's), or DMs (None)."""
        return [s for s in self.live_sessions if s.owns(guild_id)]

    async def broadcast(self, event: str, data: JSON, intent: int = 0) -> None:
        """Send ``event`` to the session owning its guild's shard (DMs: shard 0)."""
        for session in self.sessions_for(guild_of(event, data)):
            if intent and not session.has_intent(intent):
                continue
            await session.dispatch(event, data)

    def _with_member(self, data: JSON, user_id: int) -> JSON:
        guild_id = data.get("guild_id")
        guild = self.world.guilds.get(int(guild_id)) if guild_id else None
        if guild is None or user_id not in guild.members:
            return data
        return {**data, "member": self.world.member_payload(guild, user_id, with_user=False)}

    async def broadcast_message(self, event: str, msg: JSON) -> None:
        intent = INTENT_GUILD_MESSAGES if "guild_id" in msg else INTENT_DIRECT_MESSAGES
        if "author" in msg:
            msg = self._with_member(msg, int(msg["author"]["id"]))
        for session in self.sessions_for(guild_of(event, msg)):
            if not session.has_intent(intent):
                continue
            seen = msg
            if not session.has_intent(INTENT_MESSAGE_CONTENT):
                seen = blank_content(msg, self.world.bot_user.id)
            await session.dispatch(event, seen)

    async def delete_message(self, msg: JSON) -> None:
        """Remove a stored message and announce MESSAGE_DELETE."""
        self.world.delete_message(int(msg["id"]))
        data = {"id": msg["id"], "channel_id": msg["channel_id"]}
        if "guild_id" in msg:
            data["guild_id"] = msg["guild_id"]
        await self.broadcast_message("MESSAGE_DELETE", data)

    def emoji_payload(self, emoji: str) -> JSON:
        match = CUSTOM_EMOJI_RE.match(emoji)
        if match:
            return {"id": match.group(3), "name": match.group(2), "animated": bool(match.group(1))}
        return {"id": None, "name": emoji}

    async def broadcast_reaction(self, event: str, msg: JSON, user_id: int, emoji: str) -> None:
        data: JSON = {
            "user_id": str(user_id),
            "channel_id": msg["channel_id"],
            "message_id": msg["id"],
            "emoji": self.emoji_payload(emoji),
            "type": 0,
            "burst": False,
            "burst_colors": [],
        }
        if "author" in msg:
            data["message_author_id"] = msg["author"]["id"]
        if "guild_id" in msg:
            data["guild_id"] = msg["guild_id"]
            data = self._with_member(data, user_id)
            if "member" in data:
                data["member"]["user"] = self.world.users[user_id].payload()
        guild_scoped = "guild_id" in msg
        intent = INTENT_GUILD_MESSAGE_REACTIONS if guild_scoped else INTENT_DIRECT_MESSAGE_REACTIONS
        await self.broadcast(event, data, intent)

    # ---- request handling ------------------------------------------------------------
    async def _record(self, request: web.Request) -> RecordedRequest:
        path = request.path.removeprefix(API_PREFIX)
        payload: Any = None
        files: list[RecordedFile] = []
        if request.content_type.startswith("multipart/"):
            reader = await request.multipart()
            async for part in reader:
                if not isinstance(part, BodyPartReader):
                    continue
                if part.name == "payload_json":
                    payload = json.loads(await part.text())
                else:
                    raw = await part.read(decode=False)
                    files.append(
                        RecordedFile(
                            part.name or "",
                            part.filename or "",
                            bytes(raw),
                            part.headers.get("Content-Type"),
                        )
                    )
        elif request.can_read_body:
            text = await request.text()
            try:
                payload = json.loads(text) if text else None
            except ValueError:
                payload = text
        headers = {
            k: v
            for k, v in request.headers.items()
            if k.lower() in ("authorization", "x-audit-log-reason")
        }
        return RecordedRequest(request.method, path, dict(request.query), payload, files, headers)

    async def _handle(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        if not request.path.startswith(API_PREFIX + "/"):
            return await handler(request)
        rec = await self._record(request)
        request[REC_KEY] = rec
        self.requests.append(rec)
        response: web.StreamResponse | None = self._rate_limited(rec) or self._failed(rec)
        if response is None:
            try:
                response = await handler(request)
            except web.HTTPException as exc:
                response = self._error_as_json(exc)
        rec.status = response.status
        self.changed()
        return response

    @staticmethod
    def _error_as_json(exc: web.HTTPException) -> web.Response:
        if exc.content_type == "application/json" and isinstance(exc.body, bytes):
            data = json.loads(exc.body)
        else:
            data = {"code": 0, "message": f"{exc.status}: {exc.reason}"}
        return json_response(data, exc.status)

    async def _unknown(self, request: web.Request) -> web.Response:
        if REC_KEY in request:
            request[REC_KEY].known_route = False
        return json_response({"code": 0, "message": "404: Not Found"}, 404)

    def _find_session(self, session_id: str) -> GatewaySession | None:
        matches = [s for s in self.sessions if s.session_id == session_id and s.identified]
        return matches[-1] if matches else None

    async def drop_connections(self, code: int = 4000) -> None:
        """Close every gateway connection (clients normally reconnect and RESUME)."""
        for session in self.sessions:
            if session.open:
                await session.ws.close(code=code)
        self.changed()

    async def _attachment(self, request: web.Request) -> web.Response:
        stored = self.world.files.get(int(request.match_info["attachment_id"]))
        if stored is None:
            return web.Response(status=404)
        return web.Response(body=stored.data, content_type="application/octet-stream")

    async def _gateway(self, request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse(max_msg_size=0)
        await ws.prepare(request)
        session = GatewaySession(
            ws,
            self.world,
            resume_url=self.gateway_url,
            allowed_intents=self.allowed_intents,
            valid_token=lambda _token: not self.token_rejected,
            on_change=self.changed,
            find_session=self._find_session,
        )
        self.sessions.append(session)
        try:
            await session.run()
        finally:
            self.changed()
        return ws
