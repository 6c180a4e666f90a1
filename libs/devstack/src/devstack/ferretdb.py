"""Build and start the local FerretDB (MongoDB wire protocol over PostgreSQL).

FerretDB runs from our own small Go launcher in ``deploy/ferretdb`` (it embeds
``github.com/FerretDB/FerretDB/ferretdb``). The build copies the pinned FerretDB module out of
Go's module cache, applies ``deploy/ferretdb/patches/*.patch`` to the copy (atomic conditional
writes, index-backed filters: see the patches' README), and builds the launcher against it
through a generated go.mod with a ``replace``. The binary is cached and rebuilt only when the
launcher's sources or a patch change.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import os
import shutil
import struct
import subprocess
import tempfile
from pathlib import Path

__all__ = ["BINARY_NAME", "ensure_ferretdb_binary", "ferretdb_command"]

BINARY_NAME = "ferretdb-launcher"
MODULE = "github.com/FerretDB/FerretDB"
VERSION = "v1.24.2"

_LAUNCHER_FILES = ("go.mod", "go.sum", "main.go")
# A cold build (module download plus compiling) takes about a minute on 2 cores; leave room.
_BUILD_TIMEOUT_S = 1200.0


def ensure_ferretdb_binary(repo_root: Path, cache_dir: Path) -> Path:
    """Return ``cache_dir/bin/ferretdb-launcher``, patching and building it if needed.

    The build goes to a temporary name renamed over the target, so a reader never sees a
    half-written binary; a lock file keeps concurrent callers from building at the same time.
    Raises RuntimeError with go's (or patch's) output when a step fails.
    """
    src_dir = (repo_root / "deploy" / "ferretdb").resolve()
    bin_dir = cache_dir / "bin"
    binary = bin_dir / BINARY_NAME
    marker = bin_dir / f"{BINARY_NAME}.sha256"
    digest = _source_digest(src_dir)
    if _is_current(binary, marker, digest):
        return binary
    bin_dir.mkdir(parents=True, exist_ok=True)
    with (bin_dir / f".{BINARY_NAME}.lock").open("a") as lock:
        fcntl.flock(lock.fileno(), fcntl.LOCK_EX)
        if _is_current(binary, marker, digest):  # another process built it while we waited
            return binary
        go = _find_go()
        env = _go_env(go)
        module_copy = _patched_module(src_dir, cache_dir / "ferretdb", digest, go, env)
        modfile = _modfile_with_replace(src_dir, cache_dir / "ferretdb", module_copy)
        fd, tmp_name = tempfile.mkstemp(prefix=f".{BINARY_NAME}.", suffix=".tmp", dir=bin_dir)
        os.close(fd)
        tmp_binary = Path(tmp_name)
        try:
            argv = [go, "build", "-trimpath", "-buildvcs=false", f"-modfile={modfile}"]
            _run([*argv, "-o", str(tmp_binary), "."], src_dir, env, "go build")
            tmp_binary.chmod(0o755)
            os.replace(tmp_binary, binary)
        finally:
            with contextlib.suppress(FileNotFoundError):
                tmp_binary.unlink()
        _write_atomically(marker, digest + "\n")
    return binary


def ferretdb_command(binary: Path, postgresql_url: str, port: int) -> list[str]:
    """The argv that serves MongoDB's protocol on ``127.0.0.1:port`` over PostgreSQL.

    It prints ``ferretdb ready on 127.0.0.1:PORT`` once the socket is bound, logs to stderr
    at level ``error`` (at warn every ok:0 reply, even endSessions, is dumped in full), and
    stops cleanly on SIGTERM or SIGINT.
    """
    return [
        str(binary),
        "-listen-addr",
        f"127.0.0.1:{port}",
        "-postgresql-url",
        postgresql_url,
        "-log-level",
        "error",
    ]


def _patches(src_dir: Path) -> list[Path]:
    return sorted((src_dir / "patches").glob("*.patch"))


def _source_digest(src_dir: Path) -> str:
    """Hash the launcher's sources and the patches (names and contents)."""
    digest = hashlib.sha256(VERSION.encode())
    for path in [src_dir / name for name in _LAUNCHER_FILES] + _patches(src_dir):
        data = path.read_bytes()
        digest.update(path.name.encode() + struct.pack("<Q", len(data)) + data)
    return digest.hexdigest()


def _patched_module(src_dir: Path, work: Path, digest: str, go: str, env: dict[str, str]) -> Path:
    """A writable copy of the pinned module with our patches applied, kept per digest."""
    target = work / f"FerretDB-{VERSION}-{digest[:12]}"
    if (target / ".patched").is_file():
        return target
    downloaded = _run([go, "mod", "download", "-json", f"{MODULE}@{VERSION}"], src_dir, env, "go")
    pristine = Path(json.loads(downloaded)["Dir"])
    for stale in work.glob("FerretDB-*"):
        _make_writable(stale)
        shutil.rmtree(stale)
    work.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".module-", dir=work))
    try:
        shutil.copytree(pristine, staging, dirs_exist_ok=True, copy_function=shutil.copyfile)
        _make_writable(staging)  # Go's module cache is read-only; patch and rmtree need to write
        for patch in _patches(src_dir):
            argv = ["patch", "-p1", "--forward", "--batch", "--silent", "-i", str(patch)]
            _run(argv, staging, env, f"patch {patch.name}")
        (staging / ".patched").write_text(digest + "\n")
        staging.rename(target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return target


def _make_writable(root: Path) -> None:
    for folder, _dirs, _files in os.walk(root):
        os.chmod(folder, 0o755)


def _modfile_with_replace(src_dir: Path, work: Path, module_copy: Path) -> Path:
    """go.mod (and go.sum beside it, as go expects) pointing FerretDB at the patched copy."""
    modfile = work / "launcher.mod"
    text = (src_dir / "go.mod").read_text()
    modfile.write_text(f"{text}\nreplace {MODULE} => {module_copy}\n")
    shutil.copyfile(src_dir / "go.sum", work / "launcher.sum")
    return modfile


def _run(argv: list[str], cwd: Path, env: dict[str, str], what: str) -> str:
    try:
        done = subprocess.run(
            argv,
            cwd=cwd,
            env=env,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            timeout=_BUILD_TIMEOUT_S,
            check=False,
        )
    except subprocess.TimeoutExpired as exc:
        raise RuntimeError(f"{what} timed out after {_BUILD_TIMEOUT_S:.0f}s in {cwd}") from exc
    if done.returncode != 0:
        raise RuntimeError(
            f"{what} failed (exit {done.returncode}) in {cwd}:\n{done.stdout}{done.stderr}"
        )
    return done.stdout


def _find_go() -> str:
    found = shutil.which("go")
    if found is not None:
        return found
    fallback = Path("/usr/local/go/bin/go")
    if fallback.is_file() and os.access(fallback, os.X_OK):
        return str(fallback)
    raise RuntimeError("cannot build the FerretDB launcher: no `go` on PATH nor /usr/local/go/bin")


def _go_env(go: str) -> dict[str, str]:
    """The caller's environment with go on PATH, a GOPATH, and a read-only go.mod."""
    env = dict(os.environ)
    go_dir = str(Path(go).parent)
    path = env.get("PATH", "")
    if go_dir not in path.split(os.pathsep):
        env["PATH"] = go_dir + (os.pathsep + path if path else "")
    home = env.get("HOME") or str(Path.home())
    env.setdefault("HOME", home)
    env.setdefault("GOPATH", str(Path(home) / "go"))
    env.setdefault("GOFLAGS", "-mod=readonly")
    return env


def _is_current(binary: Path, marker: Path, digest: str) -> bool:
    try:
        return (
            binary.is_file()
            and os.access(binary, os.X_OK)
            and marker.read_text(encoding="ascii").strip() == digest
        )
    except OSError:
        return False


def _write_atomically(path: Path, text: str) -> None:
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="ascii") as handle:
            handle.write(text)
        os.chmod(tmp_name, 0o644)
        os.replace(tmp_name, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        raise
