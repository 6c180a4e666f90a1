"""PORTAL_INFRA: the choice between local processes and Docker containers, the Docker probe, and
the pytest hooks that print the choice and skip what containers cannot do."""

from __future__ import annotations

import contextlib
import http.server
import os
import shutil
import socket
import socketserver
import subprocess
import sys
import tempfile
import textwrap
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from devstack.infra import (
    DEFAULT_DOCKER_HOST,
    Choice,
    DockerStatus,
    InfrastructureChoiceError,
    choose_infrastructure,
    docker_address,
    infrastructure_from_environment,
    probe_docker,
)
from devstack.testing import describe

ENGINE = "unix:///var/run/docker.sock"
ANSWERS = DockerStatus(ENGINE, True, "GET /_ping answered OK")
SILENT = DockerStatus(ENGINE, False, "No such file or directory")


# --- the choice: a pure function of the setting and of whether Docker answered


@pytest.mark.parametrize(
    ("setting", "docker", "mode"),
    [
        (None, ANSWERS, "containers"),
        (None, SILENT, "local"),
        ("", ANSWERS, "containers"),
        ("", SILENT, "local"),
        ("auto", ANSWERS, "containers"),
        ("auto", SILENT, "local"),
        (" Auto ", ANSWERS, "containers"),
        ("local", ANSWERS, "local"),
        ("local", SILENT, "local"),
        ("local", None, "local"),
        ("containers", ANSWERS, "containers"),
        ("CONTAINERS", ANSWERS, "containers"),
    ],
)
def test_the_mode_follows_the_setting_and_the_engine(
    setting: str | None, docker: DockerStatus | None, mode: str
) -> None:
    assert choose_infrastructure(setting, docker).mode == mode


def test_the_reason_names_the_setting_and_what_the_probe_found() -> None:
    assert choose_infrastructure(None, SILENT) == Choice(
        "local", f"PORTAL_INFRA=auto, no Docker engine at {ENGINE} (No such file or directory)"
    )
    assert choose_infrastructure("auto", ANSWERS) == Choice(
        "containers", f"PORTAL_INFRA=auto, Docker engine at {ENGINE}"
    )
    assert choose_infrastructure("containers", ANSWERS).reason == (
        f"PORTAL_INFRA=containers, Docker engine at {ENGINE}"
    )
    assert choose_infrastructure("local", ANSWERS).reason == "PORTAL_INFRA=local"


def test_containers_without_an_engine_is_an_error_not_a_fallback() -> None:
    with pytest.raises(InfrastructureChoiceError) as raised:
        choose_infrastructure("containers", SILENT)
    message = str(raised.value)
    assert "PORTAL_INFRA=containers" in message
    assert ENGINE in message
    assert "No such file or directory" in message


@pytest.mark.parametrize("setting", ["docker", "contaners", "off", "true", "local,containers"])
def test_an_unknown_setting_is_an_error(setting: str) -> None:
    for docker in (ANSWERS, SILENT):
        with pytest.raises(InfrastructureChoiceError, match="auto, local, containers"):
            choose_infrastructure(setting, docker)


def test_auto_cannot_choose_without_the_probe() -> None:
    with pytest.raises(ValueError, match="probe"):
        choose_infrastructure("auto", None)


def test_the_environment_names_the_engine_and_local_never_probes() -> None:
    asked: list[str] = []

    def probe(address: str) -> DockerStatus:
        asked.append(address)
        return DockerStatus(address, True, "fake")

    assert infrastructure_from_environment({"PORTAL_INFRA": "local"}, probe).mode == "local"
    assert asked == []
    choice = infrastructure_from_environment({"DOCKER_HOST": "tcp://10.1.2.3:2375"}, probe)
    assert (choice.mode, asked) == ("containers", ["tcp://10.1.2.3:2375"])
    assert infrastructure_from_environment({"PORTAL_INFRA": "containers"}, probe).mode == (
        "containers"
    )
    assert asked[-1] == DEFAULT_DOCKER_HOST
    assert docker_address({}) == docker_address({"DOCKER_HOST": ""}) == DEFAULT_DOCKER_HOST


# --- the probe against engines that this test starts


class _Engine(http.server.BaseHTTPRequestHandler):
    """Answers like the Docker engine: 200 OK to GET /_ping, 404 to anything else."""

    body = b"OK"
    requests: list[str]

    def do_GET(self) -> None:
        self.requests.append(self.path)
        found = self.path == "/_ping"
        payload = self.body if found else b"page not found"
        self.send_response(200 if found else 404)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def log_message(self, format: str, *args: object) -> None:
        pass


class _UnixServer(socketserver.ThreadingMixIn, socketserver.UnixStreamServer):
    daemon_threads = True


class _TCPServer(socketserver.ThreadingMixIn, socketserver.TCPServer):
    daemon_threads = True


@pytest.fixture
def socket_dir() -> Iterator[Path]:
    folder = Path(tempfile.mkdtemp(prefix="dk-", dir="/tmp"))  # AF_UNIX paths are short
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


@contextlib.contextmanager
def serving(server: socketserver.BaseServer) -> Iterator[None]:
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


def engine(body: bytes, requests: list[str]) -> type[_Engine]:
    return type("Engine", (_Engine,), {"body": body, "requests": requests})


def test_an_engine_on_a_unix_socket_answers_the_probe(socket_dir: Path) -> None:
    requests: list[str] = []
    path = socket_dir / "docker.sock"
    with serving(_UnixServer(str(path), engine(b"OK", requests))):
        status = probe_docker(f"unix://{path}", timeout=2)
    assert status == DockerStatus(f"unix://{path}", True, "GET /_ping answered OK")
    assert requests == ["/_ping"]
    assert choose_infrastructure(None, status).mode == "containers"


def test_a_socket_that_answers_something_else_is_not_an_engine(socket_dir: Path) -> None:
    path = socket_dir / "docker.sock"
    with serving(_UnixServer(str(path), engine(b"NOT OK", []))):
        status = probe_docker(f"unix://{path}", timeout=2)
    assert not status.answers
    assert "200" in status.detail


def test_a_missing_socket_is_no_engine(socket_dir: Path) -> None:
    status = probe_docker(f"unix://{socket_dir / 'nothing.sock'}", timeout=2)
    assert not status.answers
    assert status.detail == "No such file or directory"
    assert choose_infrastructure("auto", status).mode == "local"


def test_a_socket_that_never_answers_is_given_up_on_in_time(socket_dir: Path) -> None:
    path = socket_dir / "mute.sock"
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as mute:
        mute.bind(str(path))
        mute.listen(1)  # connections queue up and are never accepted
        started = time.monotonic()
        status = probe_docker(f"unix://{path}", timeout=0.3)
    assert time.monotonic() - started < 2
    assert status == DockerStatus(f"unix://{path}", False, "no answer in time")


def test_an_engine_over_tcp_answers_the_probe() -> None:
    requests: list[str] = []
    server = _TCPServer(("127.0.0.1", 0), engine(b"OK", requests))
    port = server.server_address[1]
    with serving(server):
        assert probe_docker(f"tcp://127.0.0.1:{port}", timeout=2).answers
    assert requests == ["/_ping"]
    assert not probe_docker(f"tcp://127.0.0.1:{port}", timeout=2).answers  # stopped now


def test_engines_it_cannot_speak_to_count_as_absent() -> None:
    for address in ("ssh://user@host", "npipe:////./pipe/docker_engine", "unix://", "tcp://"):
        assert not probe_docker(address, timeout=0.5).answers


# --- the header of the run, and the pytest hooks end to end (a pytest in a subprocess)


def test_the_header_says_what_was_chosen_and_why() -> None:
    local = describe(Choice("local", "PORTAL_INFRA=local"))
    assert local.startswith("local (PostgreSQL")
    assert "FerretDB 1.24.2 + Kafka 4." in local
    assert local.endswith("; PORTAL_INFRA=local)")
    containers = describe(Choice("containers", f"PORTAL_INFRA=auto, Docker engine at {ENGINE}"))
    assert containers == (
        "containers (mongo:7 replica set rs0 + apache/kafka:4.1.0; "
        f"PORTAL_INFRA=auto, Docker engine at {ENGINE})"
    )


_INNER_TESTS = textwrap.dedent(
    """
    import pytest

    @pytest.mark.local_infra
    def test_restarts_a_local_process():
        pass

    def test_needs_nothing():
        pass
    """
)


def run_pytest(folder: Path, **env: str) -> subprocess.CompletedProcess[str]:
    (folder / "test_inner.py").write_text(_INNER_TESTS)
    (folder / "pytest.ini").write_text("[pytest]\nmarkers =\n    local_infra: local processes\n")
    argv = [sys.executable, "-m", "pytest", "-p", "devstack.testing", "-p", "no:cacheprovider"]
    environment = {k: v for k, v in os.environ.items() if k not in ("PORTAL_INFRA", "DOCKER_HOST")}
    return subprocess.run(
        [*argv, "-rs", str(folder)],
        cwd=folder,
        env=environment | env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_with_an_engine_the_run_says_containers_and_skips_local_infra_tests(
    socket_dir: Path, tmp_path: Path
) -> None:
    path = socket_dir / "docker.sock"
    with serving(_UnixServer(str(path), engine(b"OK", []))):
        done = run_pytest(tmp_path, DOCKER_HOST=f"unix://{path}")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "infrastructure: containers (mongo:7 replica set rs0 + apache/kafka:4.1.0; " in (
        done.stdout
    )
    assert f"PORTAL_INFRA=auto, Docker engine at unix://{path})" in done.stdout
    assert "1 passed, 1 skipped" in done.stdout
    assert "SKIPPED [1] test_inner.py:4: local_infra: stops, kills or restarts" in done.stdout


def test_without_an_engine_the_run_says_local_and_runs_everything(
    socket_dir: Path, tmp_path: Path
) -> None:
    missing = f"unix://{socket_dir / 'none.sock'}"
    done = run_pytest(tmp_path, DOCKER_HOST=missing)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "infrastructure: local (PostgreSQL" in done.stdout
    assert f"PORTAL_INFRA=auto, no Docker engine at {missing} (No such file" in done.stdout
    assert "2 passed" in done.stdout


@pytest.mark.parametrize(
    ("setting", "words"),
    [
        ("containers", "PORTAL_INFRA=containers, but no Docker engine answers at unix://"),
        ("contaners", "PORTAL_INFRA='contaners' is not one of auto, local, containers"),
    ],
)
def test_a_wrong_setting_stops_the_run_with_the_reason(
    setting: str, words: str, socket_dir: Path, tmp_path: Path
) -> None:
    missing = f"unix://{socket_dir / 'none.sock'}"
    done = run_pytest(tmp_path, PORTAL_INFRA=setting, DOCKER_HOST=missing)
    assert done.returncode == pytest.ExitCode.USAGE_ERROR, done.stdout + done.stderr
    assert words in done.stderr
    assert "passed" not in done.stdout
