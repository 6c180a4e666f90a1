"""HTTP reading side of the mail sandbox: what tests and the console look at."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, HTTPException, Request

from sandboxes.mail.mailbox import Mailbox

router = APIRouter(prefix="/mail", tags=["mail"])


def _mailbox(request: Request) -> Mailbox:
    mailbox: Mailbox = request.app.state.mailbox
    return mailbox


@router.get("/messages")
async def list_messages(request: Request, to: str | None = None) -> list[dict[str, Any]]:
    return [message.summary() for message in _mailbox(request).find(to)]


@router.get("/messages/{message_id}")
async def read_message(request: Request, message_id: int) -> dict[str, Any]:
    for message in _mailbox(request).messages:
        if message.id == message_id:
            return message.full()
    raise HTTPException(404)
