"""`GET /providers/registry/{YYYY-MM-DD}.csv`: the day's registry, asked for with a signed request
(the REST family's scheme) and answered signed: `X-Timestamp` and
`X-Signature: hex(HMAC-SHA256(provider_secret, "{timestamp}.{body}"))`."""

from __future__ import annotations

from datetime import date

from fastapi import APIRouter, Response

from sandboxes.providers.registry import registry_csv, registry_rows, registry_signature
from sandboxes.providers.sandbox import SandboxDep
from sandboxes.providers.signature import SignedRoute

router = APIRouter(prefix="/registry", tags=["providers: registry"], route_class=SignedRoute)


@router.get("/{day}.csv", response_class=Response)
async def daily_registry(day: date, sandbox: SandboxDep, service_id: str = "") -> Response:
    now = sandbox.store.clock()
    rows = registry_rows(day, sandbox.store.transactions(), sandbox.registry_faults, now)
    if service_id:
        rows = [row for row in rows if row.service_id == service_id]
    body = registry_csv(rows).encode()
    timestamp = str(int(now))
    secret = sandbox.settings.provider_secret.get_secret_value()
    headers = {"X-Timestamp": timestamp, "X-Signature": registry_signature(secret, timestamp, body)}
    return Response(body, media_type="text/csv; charset=utf-8", headers=headers)
