"""Reminder DMs over Discord's REST API, for the dispatcher in bot/coach/reminder_dispatch.py.

The DM channel id is handed back and stored, so every later reminder is a single
POST. The day's idempotency key goes out as the message nonce; discord.py always
sets ``enforce_nonce`` with it, so Discord returns the earlier message instead of
posting again when the same day's reminder is repeated after a crash. 429
responses are waited out and retried by discord.py's HTTP client.
"""

from __future__ import annotations

import logging

import aiohttp
import discord
from discord.http import HTTPClient, Route, handle_message_parameters

from bot.coach.reminder_dispatch import DmRequest, Pace, SendResult
from bot.discord.render import NO_PINGS

log = logging.getLogger("liftcoach.dm")

DMS_CLOSED = 50007
_SEND_ROUTE = Route("POST", "/channels/{channel_id}/messages", channel_id=0)


class DiscordDmSender:
    """Sends one reminder DM; ``pace()`` is awaited before each request."""

    def __init__(self, client: discord.Client) -> None:
        self._client = client

    async def __call__(self, request: DmRequest, pace: Pace) -> SendResult:
        channel_id = request.channel_id
        try:
            if channel_id is None:
                channel_id = await self._open(request.user_id, pace)
            try:
                await self._post(channel_id, request, pace)
            except discord.NotFound:
                if request.channel_id is None:
                    raise
                # The stored channel is gone (Discord says 10003, Unknown Channel): open
                # the DM channel again, once.
                channel_id = await self._open(request.user_id, pace)
                await self._post(channel_id, request, pace)
        except discord.Forbidden as exc:
            if exc.code == DMS_CLOSED:
                return SendResult("closed", channel_id)
            log.warning("reminder DM to %s refused (code %s)", request.user_id, exc.code)
            return SendResult("failed", channel_id)
        except discord.RateLimited as exc:
            return SendResult("retry", channel_id, exc.retry_after)
        except discord.HTTPException as exc:
            if exc.status == 429 or exc.status >= 500:
                return SendResult("retry", channel_id)
            log.warning("reminder DM to %s rejected: %s %s", request.user_id, exc.status,
                        exc.code)
            return SendResult("failed", channel_id)
        except (TimeoutError, aiohttp.ClientError, OSError):
            return SendResult("retry", channel_id)
        return SendResult("sent", channel_id)

    async def _open(self, user_id: str, pace: Pace) -> str:
        await pace()
        channel = await self._client.create_dm(discord.Object(int(user_id)))
        return str(channel.id)

    async def _post(self, channel_id: str, request: DmRequest, pace: Pace) -> None:
        await pace()
        http = self._client.http
        # The plain REST call: the reply is not needed as a Message object.
        with handle_message_parameters(content=request.text, nonce=request.nonce,
                                       allowed_mentions=NO_PINGS) as params:
            try:
                await http.send_message(int(channel_id), params=params)
            finally:
                _forget_bucket(http, channel_id)


def _forget_bucket(http: HTTPClient, channel_id: str) -> None:
    """Drop discord.py's rate-limit bucket of this DM channel once the send is over.

    discord.py keeps a bucket per channel and, from 256 of them on, walks them all
    each time it adds one; a reminder run posts once to each of thousands of DM
    channels, which made that walk the largest cost of a send. The bucket holds
    nothing worth keeping: the next reminder to this channel is a day away.
    Without the expected internals this does nothing.
    """
    buckets = getattr(http, "_buckets", None)
    hashes = getattr(http, "_bucket_hashes", None)
    if not isinstance(buckets, dict) or not isinstance(hashes, dict):
        return
    route_key = _SEND_ROUTE.key
    for prefix in (route_key, hashes.get(route_key)):
        key = f"{prefix}:{channel_id}"
        bucket = buckets.get(key)
        if bucket is not None and getattr(bucket, "outgoing", 1) == 0:
            del buckets[key]
