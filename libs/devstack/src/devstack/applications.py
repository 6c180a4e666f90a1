"""The stack's application processes: which FastAPI services run, and how each application
process (a service replica, the sandboxes, the reconciler) is started with its environment."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from typing import TYPE_CHECKING

from devstack.apps import http_ok, uvicorn_command
from devstack.processes import ManagedProcess

if TYPE_CHECKING:
    from devstack.stack import Stack


@dataclass(frozen=True)
class ServiceSpec:
    name: str
    module: str
    port_field: str


FASTAPI_SERVICES = (
    ServiceSpec("checkout", "checkout.bootstrap:create_app", "checkout"),
    ServiceSpec("provider-gateway", "provider_gateway.bootstrap:create_app", "provider_gateway"),
    ServiceSpec("imei-registry", "imei_registry.bootstrap:create_app", "imei_registry"),
    ServiceSpec("support-desk", "support_desk.bootstrap:create_app", "support_desk"),
    ServiceSpec("ops-desk", "ops_desk.bootstrap:create_app", "ops_desk"),
)


def callback_base(stack: Stack) -> str:
    """Where the bank calls back: checkout itself, or the gateway in front of its replicas."""
    if len(stack.ports_of("checkout")) > 1:
        return stack.gateway_url
    return f"http://127.0.0.1:{stack.ports.checkout}"


def python_service(stack: Stack, spec: ServiceSpec, replica: int, port: int) -> ManagedProcess:
    name = spec.name if replica == 0 else f"{spec.name}-{replica + 1}"
    return ManagedProcess(
        name,
        uvicorn_command(spec.module, port),
        stack.state_dir / "logs" / f"{name}.log",
        http_ok(f"http://127.0.0.1:{port}/healthz"),
        env=stack.service_env(spec.name, port),
    )


def sandboxes_process(stack: Stack) -> ManagedProcess:
    env = {
        "PORTAL_SANDBOX_HTTP_PORT": str(stack.ports.sandboxes),
        "PORTAL_SANDBOX_SMTP_PORT": str(stack.ports.smtp),
        **stack.shared_env(),
        **stack.extra_env,
    }
    return ManagedProcess(
        "sandboxes",
        uvicorn_command("sandboxes.app:create_app", stack.ports.sandboxes),
        stack.state_dir / "logs" / "sandboxes.log",
        http_ok(f"{stack.sandbox_url}/healthz"),
        env=env,
    )


def reconciler_process(stack: Stack) -> ManagedProcess:
    env = stack.service_env("reconciler", stack.ports.reconciler)
    env["PORTAL_DATA_DIR"] = str(stack.state_dir / "reconciler")
    argv = [sys.executable, "-m", "reconciler", "worker", "--loglevel", "warn"]
    return ManagedProcess(
        "reconciler",
        argv,
        stack.state_dir / "logs" / "reconciler.log",
        http_ok(f"http://127.0.0.1:{stack.ports.reconciler}/healthz"),
        env=env,
        cwd=stack.state_dir,
    )
