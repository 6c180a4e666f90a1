"""The hosted card page: the customer's browser types the card here, never at checkout."""

from __future__ import annotations

import logging
from urllib.parse import parse_qsl

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from sandboxes.bank.card_form import parse_card_form
from sandboxes.bank.cards import Approved, ChallengeRequired, Declined, judge_card
from sandboxes.bank.cards import judge_three_ds_code as judge_code
from sandboxes.bank.form_pages import card_form_page, three_ds_page
from sandboxes.bank.pages import expired_page, not_found_page, result_page
from sandboxes.bank.state import BankDep, BankState
from sandboxes.bank.transaction import Transaction, TransactionStatus

logger = logging.getLogger(__name__)

router = APIRouter(tags=["bank: card page"], default_response_class=HTMLResponse)


def _open_session(bank: BankState, session_id: str, request: Request) -> Transaction | Response:
    """The session if it still takes a card; otherwise the answer to give (404, 410, result)."""
    transaction = bank.store.by_session(session_id)
    if transaction is None:
        return HTMLResponse(not_found_page(), status_code=404)
    if transaction.status is TransactionStatus.EXPIRED:
        return HTMLResponse(expired_page(transaction), status_code=410)
    if transaction.status.is_decided:
        return _to_card_page(transaction, request)
    return transaction


def _to_card_page(transaction: Transaction, request: Request) -> Response:
    # Post/redirect/get: reloading the result page can never post the card again.
    page = request.url_for("card_page", session_id=transaction.session_id)
    return RedirectResponse(str(page), status_code=303)


async def _form_fields(request: Request) -> dict[str, str]:
    body = (await request.body()).decode("utf-8", errors="replace")
    return dict(parse_qsl(body, keep_blank_values=True))


def _decide(
    bank: BankState, transaction: Transaction, verdict: Approved | Declined, last4: str
) -> None:
    reason = verdict.reason if isinstance(verdict, Declined) else None
    event = bank.store.decide(transaction, reason, last4)
    logger.info(
        "bank order %s: %s (card •••• %s)", transaction.order_id, reason or "debited", last4
    )
    bank.callbacks.send(event)


@router.get("/pay/{session_id}", name="card_page")
async def show_card_page(session_id: str, bank: BankDep) -> Response:
    transaction = bank.store.by_session(session_id)
    if transaction is None:
        return HTMLResponse(not_found_page(), status_code=404)
    if transaction.status is TransactionStatus.EXPIRED:
        return HTMLResponse(expired_page(transaction), status_code=410)
    if transaction.status.is_decided:
        return HTMLResponse(result_page(transaction))
    return HTMLResponse(card_form_page(transaction, [], {}))


@router.post("/pay/{session_id}")
async def submit_card(session_id: str, request: Request, bank: BankDep) -> Response:
    transaction = _open_session(bank, session_id, request)
    if isinstance(transaction, Response):
        return transaction
    fields = await _form_fields(request)
    card = parse_card_form(fields)
    if isinstance(card, list):
        return HTMLResponse(card_form_page(transaction, card, fields), status_code=422)
    verdict = judge_card(card, bank.clock.now().date())
    if isinstance(verdict, ChallengeRequired):
        transaction.begin_three_ds(card.last4)
        challenge = request.url_for("three_ds_page", session_id=session_id)
        return RedirectResponse(str(challenge), status_code=303)
    _decide(bank, transaction, verdict, card.last4)
    return _to_card_page(transaction, request)


@router.get("/pay/{session_id}/3ds", name="three_ds_page")
async def show_three_ds(session_id: str, request: Request, bank: BankDep) -> Response:
    transaction = _open_session(bank, session_id, request)
    if isinstance(transaction, Response):
        return transaction
    if transaction.challenge_last4 is None:
        return _to_card_page(transaction, request)
    return HTMLResponse(three_ds_page(transaction))


@router.post("/pay/{session_id}/3ds")
async def submit_three_ds(session_id: str, request: Request, bank: BankDep) -> Response:
    transaction = _open_session(bank, session_id, request)
    if isinstance(transaction, Response):
        return transaction
    if transaction.challenge_last4 is None:
        return _to_card_page(transaction, request)
    code = (await _form_fields(request)).get("code", "")
    _decide(bank, transaction, judge_code(code), transaction.challenge_last4)
    return _to_card_page(transaction, request)
