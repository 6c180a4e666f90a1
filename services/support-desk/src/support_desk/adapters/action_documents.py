"""A case's actions as sub-documents of its ticket, and back."""

from __future__ import annotations

from typing import Any

from servicekit.mongo import Document
from support_desk.domain.actions import ActionKind, ActionState, CaseAction


def actions_to_documents(actions: tuple[CaseAction, ...]) -> list[Document]:
    return [
        {
            "id": action.id,
            "key": action.key,
            "kind": action.kind.value,
            "by": action.by,
            "note": action.note,
            "requested_at": action.requested_at,
            "state": action.state.value,
            "provider_reference": action.provider_reference,
            "approved_by": action.approved_by,
            "approved_at": action.approved_at,
        }
        for action in actions
    ]


def actions_from_documents(documents: list[Any]) -> tuple[CaseAction, ...]:
    return tuple(
        CaseAction(
            id=document["id"],
            key=document["key"],
            kind=ActionKind(document["kind"]),
            by=document["by"],
            note=document["note"],
            requested_at=document["requested_at"],
            state=ActionState(document["state"]),
            provider_reference=document.get("provider_reference"),
            approved_by=document.get("approved_by"),
            approved_at=document.get("approved_at"),
        )
        for document in documents
    )
