"""How an activation is kept in the `activations` collection (field names read by `payportal`)."""

from __future__ import annotations

from provider_gateway.domain.activation import Activation
from provider_gateway.domain.calls import Answer, Call
from provider_gateway.domain.states import ActivationState
from servicekit.mongo import Document


def to_document(activation: Activation) -> Document:
    return {
        "_id": activation.payment_id,
        "service_id": activation.service_id,
        "account": activation.account,
        "amount_qepik": activation.amount_qepik,
        "deadline_at": activation.deadline_at,
        "correlation_id": activation.correlation_id,
        "state": activation.state.value,
        "started_at": activation.started_at,
        "calls": activation.calls,
        "last_answer": activation.last_answer,
        "last_answer_at": activation.last_answer_at,
        "last_call": activation.last_call.value if activation.last_call else None,
        "last_state": activation.last_state.value if activation.last_state else None,
        "finished_at": activation.finished_at,
        "provider_code": activation.provider_code,
        "reason": activation.reason,
        "provider_reference": activation.provider_reference,
        "activated_amount_qepik": activation.activated_amount_qepik,
        "unknown_since": activation.unknown_since,
        "checks": activation.checks,
        "next_check_at": activation.next_check_at,
    }


def from_document(document: Document) -> Activation:
    last_call, last_state = document.get("last_call"), document.get("last_state")
    return Activation(
        payment_id=document["_id"],
        service_id=document["service_id"],
        account=document["account"],
        amount_qepik=document["amount_qepik"],
        deadline_at=document["deadline_at"],
        started_at=document["started_at"],
        correlation_id=document.get("correlation_id"),
        state=ActivationState(document["state"]),
        calls=document.get("calls", 0),
        last_answer=document.get("last_answer"),
        last_answer_at=document.get("last_answer_at"),
        last_call=Call(last_call) if last_call else None,
        last_state=Answer(last_state) if last_state else None,
        finished_at=document.get("finished_at"),
        provider_code=document.get("provider_code"),
        reason=document.get("reason"),
        provider_reference=document.get("provider_reference"),
        activated_amount_qepik=document.get("activated_amount_qepik"),
        unknown_since=document.get("unknown_since"),
        checks=document.get("checks", 0),
        next_check_at=document.get("next_check_at"),
    )
