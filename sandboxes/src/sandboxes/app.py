"""One process serving every sandbox of the outside world (`uvicorn --factory sandboxes.app:create_app`)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI

from sandboxes.bank.api import router as bank_router
from sandboxes.bank.config import BankSettings
from sandboxes.bank.state import BankState
from sandboxes.config import SandboxSettings
from sandboxes.mail.api import router as mail_router
from sandboxes.mail.mailbox import Mailbox
from sandboxes.mail.smtp import smtp_server
from sandboxes.mcqs.api import router as mcqs_router
from sandboxes.mcqs.control import router as mcqs_control_router
from sandboxes.mcqs.registry import McqsRegistry
from sandboxes.providers.api import router as providers_router
from sandboxes.providers.sandbox import ProviderSandbox


def create_app(settings: SandboxSettings | None = None) -> FastAPI:
    settings = settings or SandboxSettings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        app.state.mailbox = Mailbox()
        app.state.providers = ProviderSandbox()
        app.state.mcqs = McqsRegistry()
        smtp = smtp_server(app.state.mailbox, settings.smtp_host, settings.smtp_port)
        smtp.start()
        app.state.bank = BankState.start(BankSettings())
        try:
            yield
        finally:
            await app.state.bank.close()
            smtp.stop()

    app = FastAPI(title="Sandboxes of the outside world", lifespan=lifespan)
    app.include_router(mail_router)
    app.include_router(bank_router)
    app.include_router(providers_router)
    app.include_router(mcqs_control_router)
    app.include_router(mcqs_router)

    @app.get("/healthz")
    async def healthz() -> dict[str, str]:
        return {"status": "ok"}

    return app
