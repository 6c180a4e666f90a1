"""Refuses a NUL character (U+0000) anywhere in a request's address or JSON body, for every route
of every service: PostgreSQL (under FerretDB) keeps no NUL in text, so one that reached a query
or a document was a 503 "database unavailable" for a request that could never succeed.

JSON can carry a NUL only as the escape `\\u0000` (a raw one is not valid JSON), so the body is
scanned as bytes, not parsed. Form bodies are left to their routes: the one form (staff sign-in)
answers a name no one could have as wrong credentials, and the contact form checks each field.
"""

from __future__ import annotations

import re

from fastapi import Request

from servicekit.problems import Problem

# The escape, after an even number of backslashes (`\\u0000` is a backslash and the text u0000).
_ESCAPED_NUL = re.compile(rb"(?<!\\)(?:\\\\)*\\u0000")
CODE = "nul_character"


async def refuse_nul_characters(request: Request) -> None:
    """An app-wide dependency: runs before the route, after FastAPI has read the body."""
    if found := _nul_in_address(request) or await _nul_in_json_body(request):
        raise Problem(
            422,
            CODE,
            "Text may not contain the NUL character (U+0000); remove it and send again.",
            "Mətndə NUL simvolu (U+0000) ola bilməz; onu silib yenidən göndərin.",
            ru="Текст не может содержать символ NUL (U+0000); удалите его и отправьте снова.",
            detail=found,
        )


def _nul_in_address(request: Request) -> str | None:
    for name, value in request.path_params.items():
        if isinstance(value, str) and "\x00" in value:
            return f"path parameter {name}"
    for name, value in request.query_params.multi_items():
        if "\x00" in name or "\x00" in value:
            return f"query parameter {name.replace(chr(0), '')}"
    return None


async def _nul_in_json_body(request: Request) -> str | None:
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind != "application/json" and not kind.endswith("+json"):
        return None
    return "body" if _ESCAPED_NUL.search(await request.body()) else None
