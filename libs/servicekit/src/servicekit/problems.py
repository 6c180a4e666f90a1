"""RFC 9457 problem details: a stable `code`, a message in Azerbaijani, English and (where it has been
written) Russian, no stack traces."""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from typing import Any, TypeVar, cast

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from servicekit.mongo import is_unavailable

log = logging.getLogger(__name__)

PROBLEM_JSON = "application/problem+json"

ServiceError = TypeVar("ServiceError", bound=Exception)


class Problem(Exception):
    """Raised anywhere at the edge; becomes a problem+json response."""

    def __init__(
        self,
        status: int,
        code: str,
        en: str,
        az: str,
        *,
        ru: str | None = None,
        detail: str | None = None,
        headers: Mapping[str, str] | None = None,
        extra: Mapping[str, Any] | None = None,
    ) -> None:
        super().__init__(f"{code}: {en}")
        self.status = status
        self.code = code
        self.en = en
        self.az = az
        self.ru = ru
        self.detail = detail
        self.headers = dict(headers or {})
        self.extra = dict(extra or {})


def problem_response(problem: Problem, instance: str) -> JSONResponse:
    body: dict[str, Any] = {
        "type": f"/problems/{problem.code}",
        "title": problem.en,
        "status": problem.status,
        "code": problem.code,
        "message": {"az": problem.az, "en": problem.en}
        | ({"ru": problem.ru} if problem.ru else {}),
        "instance": instance,
    }
    if problem.detail:
        body["detail"] = problem.detail
    body.update(problem.extra)
    return JSONResponse(
        body, status_code=problem.status, headers=problem.headers, media_type=PROBLEM_JSON
    )


_BY_STATUS: dict[int, tuple[str, str, str, str]] = {
    400: (
        "bad_request",
        "The request could not be read.",
        "Sorğu oxuna bilmədi.",
        "Не удалось прочитать запрос.",
    ),
    401: ("unauthenticated", "Sign in first.", "Əvvəlcə daxil olun.", "Сначала войдите."),
    403: (
        "forbidden",
        "You may not do this.",
        "Bunu etməyə icazəniz yoxdur.",
        "У вас нет права на это действие.",
    ),
    404: ("not_found", "Nothing is here.", "Burada heç nə yoxdur.", "Здесь ничего нет."),
    405: (
        "method_not_allowed",
        "This method is not allowed here.",
        "Bu üsula burada icazə yoxdur.",
        "Этот метод здесь не разрешён.",
    ),
    413: (
        "payload_too_large",
        "The request is too large.",
        "Sorğu çox böyükdür.",
        "Запрос слишком большой.",
    ),
    415: ("unsupported_media_type", "Send JSON.", "JSON göndərin.", "Отправьте JSON."),
}


def database_unavailable() -> Problem:
    """Nothing was lost or half done (every write is one guarded document write): try again."""
    return Problem(
        503,
        "database_unavailable",
        "We cannot reach our records for a moment. Nothing was lost: please try again shortly.",
        "Qeydlərimizə bir anlıq çata bilmirik. Heç nə itməyib: bir azdan yenidən cəhd edin.",
        ru="Наши записи на мгновение недоступны. Ничего не потеряно: повторите попытку чуть позже.",
        headers={"Retry-After": "2"},
    )


def install_problem_handlers(app: FastAPI) -> None:
    @app.exception_handler(Problem)
    async def _problem(request: Request, error: Problem) -> JSONResponse:
        return problem_response(error, request.url.path)

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, error: RequestValidationError) -> JSONResponse:
        fields = [
            {
                "field": ".".join(str(part) for part in item["loc"][1:]) or "body",
                "problem": item["msg"],
            }
            for item in error.errors()
        ]
        problem = Problem(
            422,
            "validation_failed",
            "Some fields are not valid.",
            "Bəzi sahələr düzgün doldurulmayıb.",
            ru="Некоторые поля заполнены неверно.",
            extra={"errors": fields},
        )
        return problem_response(problem, request.url.path)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, error: StarletteHTTPException) -> JSONResponse:
        code, en, az, ru = _BY_STATUS.get(
            error.status_code,
            ("http_error", "Request failed.", "Sorğu alınmadı.", "Запрос не выполнен."),
        )
        problem = Problem(error.status_code, code, en, az, ru=ru, headers=error.headers)
        return problem_response(problem, request.url.path)

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, error: Exception) -> JSONResponse:
        if is_unavailable(error):
            log.warning(
                "database unavailable on %s %s: %s", request.method, request.url.path, error
            )
            return problem_response(database_unavailable(), request.url.path)
        log.exception("unexpected error on %s %s", request.method, request.url.path)
        problem = Problem(
            500,
            "internal_error",
            "Something went wrong on our side. Please try again a little later.",
            "Bizim tərəfdə xəta baş verdi. Bir az sonra yenidən cəhd edin.",
            ru="На нашей стороне произошла ошибка. Повторите попытку чуть позже.",
        )
        return problem_response(problem, request.url.path)


def map_errors(
    app: FastAPI,
    error_types: type[ServiceError] | tuple[type[ServiceError], ...],
    to_problem: Callable[[ServiceError], Problem],
) -> None:
    """A service's own refusals (`error_types` and their subclasses, raised by handlers that know
    nothing of HTTP) answer as the problems `to_problem` makes: the one mapping per service, kept
    in its `entrypoints/problems.py`. Registered on the app, so no router can forget it."""

    async def _mapped(request: Request, error: Exception) -> JSONResponse:
        return problem_response(to_problem(cast(ServiceError, error)), request.url.path)

    for error_type in error_types if isinstance(error_types, tuple) else (error_types,):
        app.add_exception_handler(error_type, _mapped)
