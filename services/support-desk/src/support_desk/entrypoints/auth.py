"""Specialists sign in (OAuth2 password flow → JWT); routes name who they need with `StaffDep`."""

from __future__ import annotations

import math
from datetime import timedelta
from typing import Annotated, Any

from fastapi import APIRouter, Depends
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer, OAuth2PasswordRequestForm
from pydantic import BaseModel

from servicekit.lifespan import context_dependency
from servicekit.openapi import problem_responses
from servicekit.problems import Problem
from support_desk.domain.permissions import Role, StaffMember
from support_desk.domain.sign_in import could_be_a_name
from support_desk.handlers.context import SupportDesk

router = APIRouter(prefix="/api/support/auth", tags=["auth"])
_bearer = HTTPBearer(auto_error=False, description="a token from /api/support/auth/token")


class TokenIssued(BaseModel):
    access_token: str
    token_type: str
    expires_in: int
    username: str
    role: Role


DeskDep = Annotated[SupportDesk, Depends(context_dependency(SupportDesk))]


def _unauthenticated(code: str, en: str, az: str, ru: str, challenge: str = "Bearer") -> Problem:
    return Problem(401, code, en, az, ru=ru, headers={"WWW-Authenticate": challenge})


def signed_in_or_none(
    desk: DeskDep,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> StaffMember | None:
    """None when no token was sent; 401 when one was sent and is not good."""
    if credentials is None:
        return None
    member = desk.tokens.verify(credentials.credentials)
    if member is None:
        raise _unauthenticated(
            "invalid_token",
            "The sign-in has expired or is not valid; sign in again.",
            "Giriş etibarsızdır və ya vaxtı bitib; yenidən daxil olun.",
            "Вход недействителен или истёк; войдите снова.",
            'Bearer error="invalid_token"',
        )
    if member.role is Role.OPS:  # ops sign in here for the ops console, not to work tickets
        raise Problem(
            403,
            "desk_staff_only",
            "The ops role works in the ops console; tickets and cases are for specialists.",
            "Ops rolu ops konsolunda işləyir; müraciətlər və hallar mütəxəssislər üçündür.",
            ru="Роль ops работает в консоли ops; обращения и случаи — для специалистов.",
        )
    return member


def signed_in(member: Annotated[StaffMember | None, Depends(signed_in_or_none)]) -> StaffMember:
    if member is None:
        raise _unauthenticated(
            "unauthenticated",
            "Sign in as a support specialist first.",
            "Əvvəlcə dəstək mütəxəssisi kimi daxil olun.",
            "Сначала войдите как специалист поддержки.",
        )
    return member


def _locked(wait: timedelta) -> Problem:
    seconds = max(1, math.ceil(wait.total_seconds()))
    return Problem(
        429,
        "sign_in_locked",
        f"Too many wrong passwords: try again in {seconds} s, or ask a supervisor.",
        f"Şifrə dəfələrlə yanlış yazılıb: {seconds} san. sonra yenidən cəhd edin və ya "
        "rəhbərə müraciət edin.",
        ru=f"Слишком много неверных паролей: повторите через {seconds} с или обратитесь к "
        "супервайзеру.",
        headers={"Retry-After": str(seconds)},
    )


def _wrong_credentials() -> Problem:
    return _unauthenticated(
        "invalid_credentials",
        "Wrong username or password.",
        "İstifadəçi adı və ya şifrə yanlışdır.",
        "Неверное имя пользователя или пароль.",
    )


StaffDep = Annotated[StaffMember, Depends(signed_in)]
OptionalStaffDep = Annotated[StaffMember | None, Depends(signed_in_or_none)]


@router.post(
    "/token",
    response_model=TokenIssued,
    responses=problem_responses({401: ["invalid_credentials"], 429: ["sign_in_locked"]}),
)
async def issue_token(
    desk: DeskDep, form: Annotated[OAuth2PasswordRequestForm, Depends()]
) -> dict[str, Any]:
    if not could_be_a_name(form.username):
        raise _wrong_credentials()
    if wait := await desk.sign_ins.wait(form.username):
        raise _locked(wait)
    member = desk.staff.authenticate(form.username, form.password)
    if member is None:
        if wait := await desk.sign_ins.failed(form.username):
            raise _locked(wait)
        raise _wrong_credentials()
    await desk.sign_ins.succeeded(form.username)
    return {
        "access_token": desk.tokens.issue(member),
        "token_type": "bearer",
        "expires_in": desk.tokens.lifetime_seconds,
        "username": member.username,
        "role": member.role.value,
    }
