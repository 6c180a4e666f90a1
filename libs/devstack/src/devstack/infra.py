"""Which database and broker the test fixtures start: local processes, or Docker containers.

``PORTAL_INFRA`` decides: ``local`` (PostgreSQL + FerretDB + Kafka as child processes),
``containers`` (the official ``mongo`` and ``apache/kafka`` images through testcontainers), or
``auto`` (the default): containers when a Docker engine answers ``GET /_ping``, local otherwise.
Asking for containers where no engine answers is an error, never a quiet fallback.

The choice is a pure function of the setting and of the probe's answer; the probe speaks HTTP to
the engine named by ``DOCKER_HOST`` (``unix://`` or ``tcp://``) with the standard library only.
"""

from __future__ import annotations

import http.client
import os
import socket
import urllib.parse
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Literal

__all__ = [
    "DEFAULT_DOCKER_HOST",
    "INFRA_ENV",
    "SETTINGS",
    "Choice",
    "DockerStatus",
    "ExternalInfrastructure",
    "InfrastructureChoiceError",
    "choose_infrastructure",
    "docker_address",
    "infrastructure_from_environment",
    "probe_docker",
]

INFRA_ENV = "PORTAL_INFRA"
SETTINGS = ("auto", "local", "containers")
DEFAULT_DOCKER_HOST = "unix:///var/run/docker.sock"
PROBE_TIMEOUT = 2.0  # a healthy engine answers /_ping in milliseconds
_DOCKER_TCP_PORT = 2375  # the engine's plain-HTTP port when DOCKER_HOST names none

Mode = Literal["local", "containers"]


class InfrastructureChoiceError(RuntimeError):
    """PORTAL_INFRA has an unknown value, or asks for containers where no engine answers."""


@dataclass(frozen=True)
class ExternalInfrastructure:
    """Addresses of a database and broker that someone else started (the containers)."""

    mongo_url: str
    kafka_bootstrap: str


@dataclass(frozen=True)
class DockerStatus:
    address: str  # as DOCKER_HOST spells it, e.g. unix:///var/run/docker.sock
    answers: bool  # True only if GET /_ping was answered 200 with the body OK
    detail: str  # why not, or what answered


@dataclass(frozen=True)
class Choice:
    mode: Mode
    reason: str  # for the header of the test run: the setting and what the probe found


def choose_infrastructure(setting: str | None, docker: DockerStatus | None) -> Choice:
    """The mode for a PORTAL_INFRA value (None or empty: auto) and the Docker probe's answer.

    ``docker`` may be None only for ``local``, which never asks. Raises
    InfrastructureChoiceError for an unknown value, and for ``containers`` without an engine.
    """
    value = (setting or "auto").strip().lower() or "auto"
    if value not in SETTINGS:
        raise InfrastructureChoiceError(
            f"{INFRA_ENV}={setting!r} is not one of {', '.join(SETTINGS)} (unset means auto)"
        )
    if value == "local":
        return Choice("local", f"{INFRA_ENV}=local")
    if docker is None:
        raise ValueError(f"{INFRA_ENV}={value} needs the Docker probe's answer")
    if docker.answers:
        return Choice("containers", f"{INFRA_ENV}={value}, Docker engine at {docker.address}")
    if value == "containers":
        raise InfrastructureChoiceError(
            f"{INFRA_ENV}=containers, but no Docker engine answers at {docker.address} "
            f"({docker.detail}): start Docker or point DOCKER_HOST at it, "
            f"or run with {INFRA_ENV}=local"
        )
    return Choice(
        "local", f"{INFRA_ENV}=auto, no Docker engine at {docker.address} ({docker.detail})"
    )


def docker_address(environ: Mapping[str, str]) -> str:
    return environ.get("DOCKER_HOST") or DEFAULT_DOCKER_HOST


def infrastructure_from_environment(
    environ: Mapping[str, str] | None = None,
    probe: Callable[[str], DockerStatus] | None = None,
) -> Choice:
    """Reads PORTAL_INFRA and DOCKER_HOST; probes the engine unless the setting is ``local``."""
    environ = os.environ if environ is None else environ
    setting = environ.get(INFRA_ENV)
    if (setting or "").strip().lower() == "local":
        return choose_infrastructure(setting, None)
    return choose_infrastructure(setting, (probe or probe_docker)(docker_address(environ)))


def probe_docker(address: str, timeout: float = PROBE_TIMEOUT) -> DockerStatus:
    """Asks the engine at ``address`` (``unix://PATH`` or ``tcp://HOST[:PORT]``) for /_ping.

    TLS (DOCKER_TLS_VERIFY) and ssh:// engines are not spoken to: they count as not answering.
    """
    parsed = urllib.parse.urlsplit(address)
    connection: http.client.HTTPConnection
    if parsed.scheme == "unix":
        path = parsed.netloc + parsed.path
        if not path:
            return DockerStatus(address, False, "no socket path")
        connection = _UnixHTTPConnection(path, timeout)
    elif parsed.scheme in ("tcp", "http"):
        if not parsed.hostname:
            return DockerStatus(address, False, "no host")
        connection = http.client.HTTPConnection(
            parsed.hostname, parsed.port or _DOCKER_TCP_PORT, timeout=timeout
        )
    else:
        return DockerStatus(address, False, f"{parsed.scheme or 'no'} scheme is not probed")
    try:
        connection.request("GET", "/_ping")
        response = connection.getresponse()
        status, body = response.status, response.read(64)
    except (OSError, http.client.HTTPException) as exc:
        return DockerStatus(address, False, _describe(exc))
    finally:
        connection.close()
    if status == 200 and body.strip() == b"OK":
        return DockerStatus(address, True, "GET /_ping answered OK")
    return DockerStatus(address, False, f"GET /_ping answered {status} {body[:32]!r}")


class _UnixHTTPConnection(http.client.HTTPConnection):
    """HTTP over a Unix socket: the engine's default transport."""

    def __init__(self, path: str, timeout: float) -> None:
        super().__init__("docker", timeout=timeout)  # the Host header; the socket is `path`
        self._path = path

    def connect(self) -> None:
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            sock.settimeout(self.timeout)
            sock.connect(self._path)
        except BaseException:
            sock.close()
            raise
        self.sock = sock


def _describe(exc: BaseException) -> str:
    if isinstance(exc, TimeoutError):
        return "no answer in time"
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    return str(exc) or type(exc).__name__
