"""The FastAPI app every service starts from: problems, correlation ids, metrics, health."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from contextlib import AbstractAsyncContextManager
from typing import Any

from fastapi import APIRouter, Depends, FastAPI, Request, Response
from fastapi.responses import JSONResponse
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest
from pydantic import BaseModel

from servicekit.body_limit import BodySizeLimit
from servicekit.nul_guard import refuse_nul_characters
from servicekit.observe import ObserveRequests
from servicekit.openapi import document_common_problems
from servicekit.problems import install_problem_handlers
from servicekit.tracing_http import TraceRequests

Readiness = Callable[[], Awaitable[dict[str, bool]]]
_PROMETHEUS_TEXT: dict[int | str, dict[str, Any]] = {
    200: {"content": {"text/plain": {"schema": {"type": "string"}}}}
}


class Health(BaseModel):
    status: str


class ReadinessReport(BaseModel):
    ready: bool
    checks: dict[str, bool]


def create_service_app(
    *,
    title: str,
    api_prefix: str,
    lifespan: Callable[[FastAPI], AbstractAsyncContextManager[None]],
    readiness: Callable[[FastAPI], Readiness],
    max_body_bytes: int = 64 * 1024,
) -> FastAPI:
    """An app whose health, readiness and metrics answer both at `/…` and under `api_prefix`."""
    app = FastAPI(
        title=title,
        lifespan=lifespan,
        docs_url=f"{api_prefix}/docs",
        openapi_url=f"{api_prefix}/openapi.json",
        redoc_url=None,
        dependencies=[Depends(refuse_nul_characters)],  # the database refuses NUL in text
    )
    install_problem_handlers(app)
    app.add_middleware(ObserveRequests)
    app.add_middleware(BodySizeLimit, max_bytes=max_body_bytes)
    document_common_problems(app)
    app.add_middleware(TraceRequests)  # outermost: the span covers the whole request
    operations = _operations_router(readiness)
    # Documented where the gateway reaches them; at `/…` they are for probes on the pod itself
    # (through the gateway, `/readyz` is the web app's page).
    app.include_router(operations, include_in_schema=False)
    app.include_router(operations, prefix=api_prefix)
    return app


def _operations_router(readiness: Callable[[FastAPI], Readiness]) -> APIRouter:
    router = APIRouter(tags=["operations"])

    @router.get("/healthz")
    async def healthz() -> Health:
        return Health(status="ok")

    @router.get(
        "/readyz",
        response_model=ReadinessReport,
        responses={503: {"model": ReadinessReport, "description": "Not ready"}},
    )
    async def readyz(request: Request) -> JSONResponse:
        checks = await readiness(request.app)()
        ready = all(checks.values())
        report = ReadinessReport(ready=ready, checks=checks)
        return JSONResponse(report.model_dump(), status_code=200 if ready else 503)

    @router.get("/metrics", response_class=Response, responses=_PROMETHEUS_TEXT)
    async def metrics() -> Response:
        return Response(generate_latest(), media_type=CONTENT_TYPE_LATEST)

    return router
