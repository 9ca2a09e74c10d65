"""REST routes for interaction callbacks and their webhook (follow-ups, edits)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from aiohttp import web

from .interactions import (
    APPLICATION_COMMAND,
    MESSAGE_COMPONENT,
    Interaction,
    form_problem,
    metadata_for,
)
from .rest import (
    EPHEMERAL,
    LOADING,
    body_of,
    error,
    int_param,
    json_response,
    no_content,
    not_found,
    rec_of,
)
from .state import JSON

if TYPE_CHECKING:
    from .server import FakeDiscordServer as FakeDiscord

MODAL = 9  # the callback type that shows a form


class InteractionApi:
    """Interaction callbacks, follow-ups and @original edits."""

    def __init__(self, fake: FakeDiscord) -> None:
        self.fake = fake
        self.world = fake.world

    def routes(self, prefix: str) -> list[web.RouteDef]:
        p = prefix
        return [
            web.post(p + "/interactions/{interaction_id}/{token}/callback", self.callback),
            web.post(p + "/webhooks/{app_id}/{token}", self.followup),
            web.get(
                p + "/webhooks/{app_id}/{token}/messages/{message_id}", self.get_webhook_message
            ),
            web.patch(
                p + "/webhooks/{app_id}/{token}/messages/{message_id}", self.edit_webhook_message
            ),
            web.delete(
                p + "/webhooks/{app_id}/{token}/messages/{message_id}", self.delete_webhook_message
            ),
        ]

    # ---- interactions ----------------------------------------------------------------
    async def callback(self, request: web.Request) -> web.Response:
        ix = self.fake.interactions.get(int_param(request, "interaction_id"))
        if ix is None or ix.token != request.match_info["token"]:
            return error(404, 10062, "Unknown interaction")
        if ix.response is not None:
            return error(400, 40060, "Interaction has already been acknowledged.")
        body = body_of(request)
        rtype = int(body.get("type", 0))
        data: JSON = body.get("data") or {}
        if rtype == MODAL:
            # A form answers a command or a component, never another form.
            if ix.type not in (APPLICATION_COMMAND, MESSAGE_COMPONENT):
                return error(400, 50035, "Invalid Form Body (a form cannot answer a form)")
            problem = form_problem(data)
            if problem is not None:
                return error(400, 50035, problem)
        files = self.world.attachment_payloads(rec_of(request).files)
        flags = int(data.get("flags") or 0)
        resource: JSON = {"type": rtype}
        message: JSON | None = None
        if rtype in (4, 5):
            channel = self.world.channels[ix.channel_id]
            message = self.world.new_message(
                channel,
                self.world.bot_user,
                content=str(data.get("content") or "") if rtype == 4 else "",
                embeds=data.get("embeds") if rtype == 4 else None,
                components=data.get("components") if rtype == 4 else None,
                attachments=files,
                flags=flags | (LOADING if rtype == 5 else 0),
                type=20 if ix.type == APPLICATION_COMMAND else 0,
                webhook_id=self.world.application_id,
                interaction_metadata=metadata_for(ix, self.world),
            )
            ix.response_message_id = int(message["id"])
        elif rtype in (6, 7) and ix.source_message_id is not None:
            ix.response_message_id = ix.source_message_id
            if rtype == 7 and ix.source_message_id in self.world.messages:
                message = self.world.edit_message(ix.source_message_id, data, files)
        ix.response = body
        if message is not None:
            resource["message"] = message
            if not message["flags"] & EPHEMERAL:
                event = "MESSAGE_UPDATE" if rtype == 7 else "MESSAGE_CREATE"
                await self.fake.broadcast_message(event, message)
        info: JSON = {
            "id": str(ix.id),
            "type": ix.type,
            "activity_instance_id": None,
            "response_message_id": str(ix.response_message_id) if ix.response_message_id else None,
            "response_message_loading": rtype == 5,
            "response_message_ephemeral": bool(flags & EPHEMERAL),
        }
        return json_response({"interaction": info, "resource": resource})

    def _interaction(self, request: web.Request) -> Interaction:
        ix = self.fake.interactions_by_token.get(request.match_info["token"])
        if ix is None or int_param(request, "app_id") != self.world.application_id:
            raise not_found(10015, "Unknown Webhook")
        return ix

    def _webhook_message(self, request: web.Request, ix: Interaction) -> JSON:
        raw = request.match_info["message_id"]
        mid = ix.response_message_id if raw == "@original" else int(raw) if raw.isdigit() else None
        msg = self.world.messages.get(mid) if mid is not None else None
        if msg is None:
            raise not_found(10008, "Unknown Message")
        return msg

    async def followup(self, request: web.Request) -> web.Response:
        ix = self._interaction(request)
        body = body_of(request)
        files = self.world.attachment_payloads(rec_of(request).files)
        ix.followups.append(body)
        original = self.world.messages.get(ix.response_message_id or 0)
        if original is not None and original["flags"] & LOADING and not ix.edits:
            # The first follow-up after a deferral replaces the "thinking" message.
            msg = self.world.edit_message(int(original["id"]), body, files)
            msg["flags"] = msg["flags"] & ~LOADING & ~EPHEMERAL | (original["flags"] & EPHEMERAL)
            event = "MESSAGE_UPDATE"
        else:
            msg = self.world.new_message(
                self.world.channels[ix.channel_id],
                self.world.bot_user,
                content=str(body.get("content") or ""),
                embeds=body.get("embeds"),
                components=body.get("components"),
                attachments=files,
                flags=int(body.get("flags") or 0),
                webhook_id=self.world.application_id,
                interaction_metadata=metadata_for(ix, self.world),
            )
            event = "MESSAGE_CREATE"
        if not msg["flags"] & EPHEMERAL:
            await self.fake.broadcast_message(event, msg)
        if request.query.get("wait", "0").lower() in ("0", "false"):
            return no_content()
        return json_response(msg)

    async def get_webhook_message(self, request: web.Request) -> web.Response:
        return json_response(self._webhook_message(request, self._interaction(request)))

    async def edit_webhook_message(self, request: web.Request) -> web.Response:
        ix = self._interaction(request)
        msg = self._webhook_message(request, ix)
        body = body_of(request)
        ix.edits.append(body)
        files = self.world.attachment_payloads(rec_of(request).files)
        msg = self.world.edit_message(int(msg["id"]), body, files)
        msg["flags"] = int(msg["flags"]) & ~LOADING
        if not msg["flags"] & EPHEMERAL:
            await self.fake.broadcast_message("MESSAGE_UPDATE", msg)
        return json_response(msg)

    async def delete_webhook_message(self, request: web.Request) -> web.Response:
        ix = self._interaction(request)
        msg = self._webhook_message(request, ix)
        if int(msg["id"]) == ix.response_message_id:
            ix.original_deleted = True
        await self.fake.delete_message(msg)
        return no_content()
