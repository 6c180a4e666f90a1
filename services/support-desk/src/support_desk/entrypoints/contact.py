"""The contact form ("Məktub yaz"): JSON, or multipart when an image is attached."""

from __future__ import annotations

import json
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse
from starlette.datastructures import FormData, UploadFile
from starlette.exceptions import HTTPException

from servicekit.openapi import problem_responses
from servicekit.problems import Problem
from support_desk.domain.attachments import MAX_ATTACHMENT_BYTES
from support_desk.domain.contact_form import ContactFormInvalidError, read_contact_form
from support_desk.entrypoints.auth import DeskDep
from support_desk.entrypoints.schemas import LetterReceived
from support_desk.entrypoints.views import created_view
from support_desk.handlers.contact import Upload, submit_contact_form

router = APIRouter(prefix="/api/support", tags=["contact form"])
JSON_LIMIT = 64 * 1024
ATTACHMENT_FIELD = "attachment"
_TEXT = {"type": "string"}
_FORM_FIELDS: dict[str, Any] = {
    "type": "object",
    "required": ["first_name", "last_name", "email", "subject", "message"],
    "properties": {
        **dict.fromkeys(("first_name", "last_name", "email", "subject", "message"), _TEXT),
        **dict.fromkeys(("payment_id", "category"), _TEXT),
        "imeis": {"type": "array", "items": _TEXT, "maxItems": 2},
    },
}
# The route reads the body itself (JSON or multipart): its schema is declared here.
_FORM_BODY = {
    "requestBody": {
        "required": True,
        "content": {
            "application/json": {"schema": _FORM_FIELDS},
            "multipart/form-data": {
                "schema": _FORM_FIELDS
                | {
                    "properties": _FORM_FIELDS["properties"]
                    | {ATTACHMENT_FIELD: {"type": "string", "format": "binary"}}
                }
            },
        },
    }
}


@router.post(
    "/tickets",
    status_code=201,
    response_model=LetterReceived,
    responses=problem_responses(
        {
            400: ["malformed_body"],
            413: ["payload_too_large", "attachment_too_large"],
            415: ["unsupported_media_type", "attachment_not_an_image"],
            422: ["validation_failed"],
            429: ["rate_limited"],  # the gateway's limit on letters
        }
    ),
    openapi_extra=_FORM_BODY,
)
async def submit(request: Request, desk: DeskDep) -> JSONResponse:
    """first_name, last_name, email, subject, message; optional payment_id, imeis (1–2), category;
    as multipart/form-data, also an `attachment` (PNG, JPEG or WebP, ≤ 5 MB)."""
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind == "application/json":
        raw, upload = await _json_fields(request), None
    elif kind == "multipart/form-data":
        raw, upload = await _multipart_fields(request)
    else:
        raise Problem(
            415,
            "unsupported_media_type",
            "Send the form as JSON, or as multipart/form-data with an image.",
            "Formu JSON və ya şəkillə birlikdə multipart/form-data kimi göndərin.",
            ru="Отправьте форму как JSON или как multipart/form-data с изображением.",
        )
    try:
        form = read_contact_form(raw, desk.sla.public_ids())
    except ContactFormInvalidError as invalid:
        raise Problem(
            422,
            "validation_failed",
            "Some fields are not valid.",
            "Bəzi sahələr düzgün doldurulmayıb.",
            ru="Некоторые поля заполнены неверно.",
            extra={
                "errors": [
                    {
                        "field": error.field,
                        "code": error.code,
                        "message": {"az": error.az, "en": error.en, "ru": error.ru},
                    }
                    for error in invalid.errors
                ]
            },
        ) from None
    ticket = await submit_contact_form(desk, form, upload)
    view = created_view(ticket)
    return JSONResponse(view, status_code=201, headers={"Location": view["status_url"]})


def _unreadable() -> Problem:
    return Problem(
        400,
        "malformed_body",
        "The form could not be read.",
        "Formu oxumaq mümkün olmadı.",
        ru="Не удалось прочитать форму.",
    )


async def _json_fields(request: Request) -> dict[str, Any]:
    too_large = Problem(
        413,
        "payload_too_large",
        "The letter is too large.",
        "Məktub çox böyükdür.",
        ru="Письмо слишком большое.",
    )
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > JSON_LIMIT:
        raise too_large  # without reading it: the app's limit is sized for images, not JSON
    body = await request.body()
    if len(body) > JSON_LIMIT:
        raise too_large
    try:
        raw = json.loads(body)
    except (ValueError, UnicodeDecodeError):
        raise _unreadable() from None
    if not isinstance(raw, dict):
        raise _unreadable()
    return raw


async def _multipart_fields(request: Request) -> tuple[dict[str, Any], Upload | None]:
    try:
        form = await request.form(max_files=1, max_fields=20, max_part_size=JSON_LIMIT)
    except HTTPException:  # the multipart parser's refusal: malformed, too many parts
        raise _unreadable() from None
    try:
        return _fields(form), await _upload(form)
    finally:
        await form.close()


def _fields(form: FormData) -> dict[str, Any]:
    raw: dict[str, Any] = {}
    for name in set(form.keys()) - {ATTACHMENT_FIELD}:
        values = [value for value in form.getlist(name) if isinstance(value, str)]
        if name == "imeis":
            raw[name] = [part for value in values for part in value.split(",") if part.strip()]
        else:
            raw[name] = values[-1] if values else None
    return raw


async def _upload(form: FormData) -> Upload | None:
    file = form.get(ATTACHMENT_FIELD)
    if not isinstance(file, UploadFile):
        return None
    content = await file.read(MAX_ATTACHMENT_BYTES + 1)
    if not content and not file.filename:
        return None  # a browser sends an empty part when no file was chosen
    return Upload(file.filename, content)
