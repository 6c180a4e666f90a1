"""A local Apache Kafka broker (KRaft, one combined broker + controller) for the dev stack.

The jars come from Maven Central through ``deploy/kafka/pom.xml`` and are cached
per hash of that pom. ``prepare_kafka`` renders ``deploy/kafka/server.properties.template``
into a data directory, formats the storage once, and returns the argv that runs the
broker in the foreground; the caller owns the process (SIGTERM stops it cleanly).
``kafka_is_ready`` speaks the Kafka protocol (ApiVersions v0) to tell a serving broker
from a merely open port.
"""

from __future__ import annotations

import base64
import fcntl
import hashlib
import re
import shutil
import socket
import struct
import subprocess
import tempfile
import time
import uuid
from pathlib import Path

KAFKA_DEPLOY_DIR = Path("deploy") / "kafka"
_MARKER = ".pom-sha256"  # inside the libs dir; java's "libs/*" classpath only picks up jars
_SERVER_JVM_OPTS = (
    "-Xms64m",
    "-Xmx256m",
    "-XX:+UseSerialGC",
    "-XX:+ExitOnOutOfMemoryError",
    "-Djava.awt.headless=true",
)
_TOOL_JVM_OPTS = ("-Xmx128m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1")
_API_VERSIONS_KEY = 18


def ensure_kafka_jars(repo_root: Path, cache_dir: Path) -> Path:
    """Return ``cache_dir/kafka/libs``, fetching the jars with Maven if missing or stale."""
    pom = repo_root / KAFKA_DEPLOY_DIR / "pom.xml"
    digest = hashlib.sha256(pom.read_bytes()).hexdigest()
    kafka_cache = cache_dir / "kafka"
    libs = kafka_cache / "libs"
    kafka_cache.mkdir(parents=True, exist_ok=True)
    with open(kafka_cache / ".lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        marker = libs / _MARKER
        if marker.is_file() and marker.read_text().strip() == digest:
            return libs
        for leftover in kafka_cache.glob("libs.*"):  # from interrupted runs
            shutil.rmtree(leftover, ignore_errors=True)
        staging = Path(tempfile.mkdtemp(prefix="libs.tmp-", dir=kafka_cache))
        try:
            _run_mvn(repo_root, pom, staging)
            (staging / _MARKER).write_text(digest + "\n")
            if libs.exists():
                libs.rename(kafka_cache / f"libs.old-{uuid.uuid4().hex}")
            staging.rename(libs)
        finally:
            shutil.rmtree(staging, ignore_errors=True)
            for old in kafka_cache.glob("libs.old-*"):
                shutil.rmtree(old, ignore_errors=True)
    return libs


def _run_mvn(repo_root: Path, pom: Path, output_dir: Path) -> None:
    argv = [
        "mvn",
        "-q",
        "-B",
        "-f",
        str(pom),
        "dependency:copy-dependencies",
        f"-DoutputDirectory={output_dir}",
        "-DincludeScope=runtime",
    ]
    try:
        done = subprocess.run(
            argv, cwd=repo_root, stdin=subprocess.DEVNULL, capture_output=True, text=True
        )
    except FileNotFoundError as exc:
        raise RuntimeError("mvn not found on PATH: needed to fetch the Kafka jars") from exc
    if done.returncode != 0 or not any(output_dir.glob("kafka_2.13-*.jar")):
        raise RuntimeError(
            f"fetching Kafka jars failed (mvn exit {done.returncode}): {' '.join(argv)}\n"
            + re.sub(r"\x1b\[[0-9;]*m", "", done.stdout + done.stderr)  # mvn's colour codes
        )


def prepare_kafka(
    repo_root: Path, libs: Path, data_dir: Path, port: int, controller_port: int
) -> list[str]:
    """Write server.properties, format storage on first start, return the broker argv."""
    deploy = repo_root / KAFKA_DEPLOY_DIR
    data_dir = data_dir.resolve()
    log_dirs = data_dir / "kraft-logs"
    config = data_dir / "server.properties"
    data_dir.mkdir(parents=True, exist_ok=True)
    rendered = (
        (deploy / "server.properties.template")
        .read_text()
        .replace("{port}", str(port))
        .replace("{controller_port}", str(controller_port))
        .replace("{log_dirs}", str(log_dirs))
    )
    config.write_text(rendered)
    if not (log_dirs / "meta.properties").is_file():
        shutil.rmtree(log_dirs, ignore_errors=True)  # a half-done earlier format
        argv = [
            *_java(repo_root, libs, *_TOOL_JVM_OPTS),
            "kafka.tools.StorageTool",
            "format",
            "--config",
            str(config),
            "--cluster-id",
            _new_cluster_id(),
            "--standalone",
        ]
        done = subprocess.run(argv, stdin=subprocess.DEVNULL, capture_output=True, text=True)
        if done.returncode != 0:
            raise RuntimeError(
                f"formatting Kafka storage in {log_dirs} failed (exit {done.returncode}):\n"
                f"{done.stdout}{done.stderr}"
            )
    # No GC log or heap dump is enabled; a crash report goes to data_dir, not the cwd.
    error_file = f"-XX:ErrorFile={data_dir}/hs_err_pid%p.log"
    return [*_java(repo_root, libs, *_SERVER_JVM_OPTS, error_file), "kafka.Kafka", str(config)]


def _java(repo_root: Path, libs: Path, *jvm_opts: str) -> list[str]:
    """``java`` with the given options, Kafka's log4j2 config and the jars on the classpath."""
    log_config = (repo_root / KAFKA_DEPLOY_DIR / "log4j2.properties").resolve()
    return [
        shutil.which("java") or "java",
        *jvm_opts,
        f"-Dlog4j2.configurationFile={log_config}",
        "-cp",
        f"{libs.resolve()}/*",
    ]


def _new_cluster_id() -> str:
    """A Kafka ``Uuid`` string: url-safe base64 of 16 random bytes, not starting with '-'."""
    while True:
        text = base64.urlsafe_b64encode(uuid.uuid4().bytes).decode().rstrip("=")
        if not text.startswith("-"):
            return text


def kafka_is_ready(port: int, timeout: float = 1.0) -> bool:
    """True if a broker on 127.0.0.1:port answers an ApiVersions v0 request without error."""
    correlation_id = 0x0DE5
    client_id = b"devstack"
    request = struct.pack(">hhih", _API_VERSIONS_KEY, 0, correlation_id, len(client_id))
    request += client_id
    deadline = time.monotonic() + timeout
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=timeout) as sock:
            sock.sendall(struct.pack(">i", len(request)) + request)
            size: int = struct.unpack(">i", _recv_exact(sock, 4, deadline))[0]
            if not 10 <= size <= 1 << 20:
                return False
            body = _recv_exact(sock, size, deadline)
    except (OSError, EOFError):
        return False
    header: tuple[int, int, int] = struct.unpack(">ihi", body[:10])
    got_id, error_code, n_apis = header
    return got_id == correlation_id and error_code == 0 and n_apis > 0 and size == 10 + 6 * n_apis


def _recv_exact(sock: socket.socket, n: int, deadline: float) -> bytes:
    buf = bytearray()
    while len(buf) < n:
        sock.settimeout(max(deadline - time.monotonic(), 0.001))
        chunk = sock.recv(n - len(buf))
        if not chunk:
            raise EOFError("connection closed mid-response")
        buf += chunk
    return bytes(buf)
