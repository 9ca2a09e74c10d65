"""A minimal Discord REST stub for the reminder benchmark, run in its own process.

It answers the few routes a logged-in client uses to send DMs, counts every request
and notes when each POST arrived, so the benchmark can count requests per
reminder and the busiest second. Its CPU time is not the dispatcher's, which is why
it runs apart: ``python -m bench.dm_stub PORT``.
"""

from __future__ import annotations

import itertools
import json
import sys
import time
from collections import Counter

from aiohttp import web

API = "/api/v10"
BOT = {"id": "1000", "username": "bench-bot", "discriminator": "0", "global_name": None,
       "avatar": None, "bot": True, "flags": 0, "verified": True, "mfa_enabled": False}
APP = {"id": "1000", "name": "bench", "description": "", "icon": None, "bot_public": False,
       "bot_require_code_grant": False, "verify_key": "0" * 64, "flags": 0, "team": None,
       "owner": {**BOT, "id": "1001", "bot": False}}


def _json(data: object) -> web.Response:
    return web.Response(body=json.dumps(data).encode(),
                        headers={"Content-Type": "application/json"})


class Stub:
    def __init__(self) -> None:
        self.counts: Counter[str] = Counter()
        self.post_times: list[float] = []
        self.nonces: dict[tuple[str, str], dict[str, object]] = {}
        self.ids = itertools.count(10**17)

    def routes(self) -> list[web.RouteDef]:
        return [
            web.get(API + "/users/@me", self.me),
            web.get(API + "/oauth2/applications/@me", self.app),
            web.post(API + "/users/@me/channels", self.open_dm),
            web.post(API + "/channels/{channel_id}/messages", self.message),
            web.get("/stats", self.stats),
            web.post("/reset", self.reset),
        ]

    async def me(self, request: web.Request) -> web.Response:
        self.counts["GET /users/@me"] += 1
        return _json(BOT)

    async def app(self, request: web.Request) -> web.Response:
        self.counts["GET /oauth2/applications/@me"] += 1
        return _json(APP)

    async def open_dm(self, request: web.Request) -> web.Response:
        self.counts["POST /users/@me/channels"] += 1
        self.post_times.append(time.time())
        body = await request.json()
        user = {**BOT, "id": str(body["recipient_id"]), "bot": False, "username": "lifter"}
        return _json({"id": str(next(self.ids)), "type": 1, "recipients": [user],
                      "last_message_id": None})

    async def message(self, request: web.Request) -> web.Response:
        self.counts["POST /channels/{id}/messages"] += 1
        self.post_times.append(time.time())
        channel = request.match_info["channel_id"]
        body = await request.json()
        key = (channel, str(body.get("nonce")))
        if body.get("enforce_nonce") and key in self.nonces:
            return _json(self.nonces[key])
        msg = {"id": str(next(self.ids)), "channel_id": channel, "author": BOT,
               "content": body.get("content", ""), "timestamp": "2026-11-26T18:30:00+00:00",
               "edited_timestamp": None, "tts": False, "mention_everyone": False,
               "mentions": [], "mention_roles": [], "attachments": [], "embeds": [],
               "pinned": False, "type": 0, "flags": 0, "nonce": body.get("nonce")}
        if body.get("enforce_nonce"):
            self.nonces[key] = msg
        return _json(msg)

    async def stats(self, request: web.Request) -> web.Response:
        return _json({"counts": dict(self.counts), "post_times": self.post_times,
                      "cpu_seconds": time.process_time()})

    async def reset(self, request: web.Request) -> web.Response:
        self.counts.clear()
        self.post_times.clear()
        return _json({})


def main(port: int) -> None:
    app = web.Application()
    app.add_routes(Stub().routes())
    web.run_app(app, host="127.0.0.1", port=port, access_log=None, print=None)


if __name__ == "__main__":
    main(int(sys.argv[1]))
