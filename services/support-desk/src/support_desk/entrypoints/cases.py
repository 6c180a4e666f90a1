"""A payment's automatic cases, for its status page: found by the payment's number alone, so
they say where the case stands and nothing about whom it concerns."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Response

from contracts.ids import is_id
from servicekit.openapi import problem_responses
from servicekit.problems import Problem
from support_desk.entrypoints.auth import DeskDep
from support_desk.entrypoints.views import public_case_view

router = APIRouter(prefix="/api/support/cases", tags=["cases"])


@router.get("", responses=problem_responses({400: ["invalid_payment_id"]}))
async def cases_of_payment(
    desk: DeskDep, response: Response, payment: Annotated[str, Query(max_length=64)]
) -> dict[str, Any]:
    response.headers["Cache-Control"] = "no-store"
    if not is_id("pay", payment):
        raise Problem(
            400,
            "invalid_payment_id",
            "This is not a payment number: it starts with pay_ (see the payment's page).",
            "Bu ödəniş nömrəsi deyil: o pay_ ilə başlayır (ödənişin səhifəsinə baxın).",
            ru="Это не номер платежа: он начинается с pay_ (см. страницу платежа).",
        )
    cases = await desk.tickets.cases_of(payment)
    return {"payment_id": payment, "cases": [public_case_view(case) for case in cases]}
