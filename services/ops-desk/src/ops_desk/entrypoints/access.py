"""Who is asking: a support-desk token of an ops member (`OpsDep`), or, for the event stream,
a short-lived ticket an authorised POST handed out (EventSource cannot send headers)."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Query
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from ops_desk.domain.access import NotOpsError, OpsMember, admit
from ops_desk.handlers.context import OpsDesk
from ops_desk.handlers.tickets import open_with_ticket
from servicekit.lifespan import context_dependency
from servicekit.problems import Problem

DeskDep = Annotated[OpsDesk, Depends(context_dependency(OpsDesk))]
_bearer = HTTPBearer(auto_error=False, description="a token from /api/support/auth/token")


def _unauthenticated(code: str, en: str, az: str, ru: str) -> Problem:
    return Problem(401, code, en, az, ru=ru, headers={"WWW-Authenticate": "Bearer"})


def signed_in_ops(
    desk: DeskDep,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> OpsMember:
    if credentials is None:
        raise _unauthenticated(
            "unauthenticated",
            "Sign in as ops first.",
            "Əvvəlcə əməliyyatçı kimi daxil olun.",
            "Сначала войдите как сотрудник эксплуатации.",
        )
    member = desk.tokens.verify(credentials.credentials)
    if member is None:
        raise _unauthenticated(
            "invalid_token",
            "The sign-in has expired or is not valid; sign in again.",
            "Giriş etibarsızdır və ya vaxtı bitib; yenidən daxil olun.",
            "Вход недействителен или истёк; войдите снова.",
        )
    try:
        return admit(member)
    except NotOpsError:
        raise Problem(
            403,
            "ops_only",
            "Only ops staff may use the ops console.",
            "Əməliyyat konsolundan yalnız əməliyyat işçiləri istifadə edə bilər.",
            ru="Операционной консолью могут пользоваться только сотрудники эксплуатации.",
        ) from None


async def ticket_holder(
    desk: DeskDep, ticket: Annotated[str, Query(max_length=512)] = ""
) -> OpsMember:
    member = await open_with_ticket(desk, ticket) if ticket else None
    if member is None:
        raise _unauthenticated(
            "invalid_stream_ticket",
            "The stream ticket is missing, not ours or used up; ask for a new one.",
            "Axın bileti yoxdur, bizim deyil və ya vaxtı bitib; yenisini istəyin.",
            "Билет потока отсутствует, не наш или истёк; запросите новый.",
        )
    return member


OpsDep = Annotated[OpsMember, Depends(signed_in_ops)]
