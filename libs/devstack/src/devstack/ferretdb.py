"""Build, start and probe the local FerretDB (MongoDB wire protocol, SQLite backend).

FerretDB runs from our own small Go launcher in ``deploy/ferretdb`` (it embeds
``github.com/FerretDB/FerretDB/ferretdb``).  This module:

* builds that launcher once into a cache directory and rebuilds it only when
  ``go.mod``, ``go.sum`` or ``main.go`` change (:func:`ensure_ferretdb_binary`);
* gives the command line that starts it on 127.0.0.1 (:func:`ferretdb_command`);
* checks that it really answers the wire protocol, by sending a hand-built
  OP_MSG ``{hello: 1, $db: "admin"}`` over a raw socket and requiring a
  well-formed reply with ``ok: 1`` (:func:`ferretdb_is_ready`).

Standard library only, so it works before any driver is installed.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import os
import shutil
import socket
import struct
import subprocess
import tempfile
import time
from pathlib import Path

__all__ = [
    "BINARY_NAME",
    "ensure_ferretdb_binary",
    "ferretdb_command",
    "ferretdb_is_ready",
]

BINARY_NAME = "ferretdb-launcher"

# Files whose content decides whether the cached binary is still current.
_SOURCE_FILES = ("go.mod", "go.sum", "main.go")

# A cold build (module download plus compiling modernc.org/sqlite) takes about a
# minute on 2 cores; leave plenty of room for a slow network.
_BUILD_TIMEOUT_S = 1200.0

_OP_MSG = 2013
_MAX_REPLY_BYTES = 48 * 1024 * 1024


def _source_digest(src_dir: Path) -> str:
    """Hash the launcher's sources (names and contents) into a hex digest."""
    digest = hashlib.sha256()
    for name in _SOURCE_FILES:
        data = (src_dir / name).read_bytes()
        digest.update(name.encode())
        digest.update(struct.pack("<Q", len(data)))
        digest.update(data)
    return digest.hexdigest()


def _find_go() -> str:
    """Return the path of the ``go`` command, or raise RuntimeError."""
    found = shutil.which("go")
    if found is not None:
        return found
    fallback = Path("/usr/local/go/bin/go")
    if fallback.is_file() and os.access(fallback, os.X_OK):
        return str(fallback)
    raise RuntimeError(
        "cannot build the FerretDB launcher: no `go` on PATH nor /usr/local/go/bin/go"
    )


def _go_env(go: str) -> dict[str, str]:
    """Environment for ``go build``: the caller's, with the usual defaults filled in."""
    env = dict(os.environ)
    go_dir = str(Path(go).parent)
    path = env.get("PATH", "")
    if go_dir not in path.split(os.pathsep):
        env["PATH"] = go_dir + (os.pathsep + path if path else "")
    home = env.get("HOME") or str(Path.home())
    env.setdefault("HOME", home)
    # go refuses to run without a GOPATH when HOME is unusable; $HOME/go is its own default.
    env.setdefault("GOPATH", str(Path(home) / "go"))
    # Keep the module cache and go.sum authoritative; never rewrite go.mod.
    env.setdefault("GOFLAGS", "-mod=readonly")
    return env


def _is_current(binary: Path, marker: Path, digest: str) -> bool:
    """True when ``binary`` exists and the marker records the given source digest."""
    try:
        return (
            binary.is_file()
            and os.access(binary, os.X_OK)
            and marker.read_text(encoding="ascii").strip() == digest
        )
    except OSError:
        return False


def _write_atomically(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` through a temporary file and a rename."""
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


def ensure_ferretdb_binary(repo_root: Path, cache_dir: Path) -> Path:
    """Return ``cache_dir/bin/ferretdb-launcher``, building it with ``go build`` if needed.

    The binary is rebuilt when it is missing or when the SHA-256 of
    ``deploy/ferretdb/{go.mod,go.sum,main.go}`` differs from the digest stored
    beside it.  The build goes to a temporary name that is then renamed over the
    target, so a reader never sees a half-written binary; a lock file keeps
    concurrent callers from building at the same time.

    Raises:
        RuntimeError: ``go`` is missing, the build failed (the message carries
            go's output) or it timed out.
    """
    src_dir = (repo_root / "deploy" / "ferretdb").resolve()
    bin_dir = cache_dir / "bin"
    binary = bin_dir / BINARY_NAME
    marker = bin_dir / f"{BINARY_NAME}.sha256"

    digest = _source_digest(src_dir)
    if _is_current(binary, marker, digest):
        return binary

    bin_dir.mkdir(parents=True, exist_ok=True)
    lock_path = bin_dir / f".{BINARY_NAME}.lock"
    with lock_path.open("a") as lock:
        fcntl.flock(lock.fileno(), fcntl.LOCK_EX)
        # Another process may have finished the same build while we waited.
        if _is_current(binary, marker, digest):
            return binary

        go = _find_go()
        fd, tmp_name = tempfile.mkstemp(prefix=f".{BINARY_NAME}.", suffix=".tmp", dir=bin_dir)
        os.close(fd)
        tmp_binary = Path(tmp_name)
        try:
            try:
                result = subprocess.run(
                    [go, "build", "-trimpath", "-buildvcs=false", "-o", str(tmp_binary), "."],
                    cwd=src_dir,
                    env=_go_env(go),
                    stdin=subprocess.DEVNULL,
                    stdout=subprocess.PIPE,
                    stderr=subprocess.STDOUT,
                    text=True,
                    timeout=_BUILD_TIMEOUT_S,
                    check=False,
                )
            except subprocess.TimeoutExpired as exc:
                output = exc.output if isinstance(exc.output, str) else ""
                raise RuntimeError(
                    f"go build of the FerretDB launcher timed out after {_BUILD_TIMEOUT_S:.0f}s:\n"
                    f"{output}"
                ) from exc
            if result.returncode != 0:
                raise RuntimeError(
                    f"go build of the FerretDB launcher failed (exit {result.returncode}) "
                    f"in {src_dir}:\n{result.stdout}"
                )
            tmp_binary.chmod(0o755)
            os.replace(tmp_binary, binary)
        finally:
            with contextlib.suppress(FileNotFoundError):
                tmp_binary.unlink()
        _write_atomically(marker, digest + "\n")
    return binary


def ferretdb_command(binary: Path, data_dir: Path, port: int) -> list[str]:
    """Return the argv that runs the launcher on ``127.0.0.1:port`` with its SQLite files in ``data_dir``.

    The launcher creates ``data_dir`` if needed, logs to stderr at level
    ``error`` and prints ``ferretdb ready on 127.0.0.1:PORT`` on stdout once the
    socket is bound.  It stops cleanly on SIGTERM or SIGINT.
    """
    return [
        str(binary),
        "-listen-addr",
        f"127.0.0.1:{port}",
        "-state-dir",
        str(data_dir),
        "-log-level",
        "error",  # at warn, every ok:0 reply (even endSessions) is dumped in full
    ]


# --- a minimal BSON / OP_MSG client, just enough for `hello` ---------------------------------


def _cstring(text: str) -> bytes:
    return text.encode() + b"\x00"


def _bson_hello() -> bytes:
    """Encode ``{hello: 1, $db: "admin"}`` as a BSON document."""
    db = b"admin"
    body = (
        b"\x10"
        + _cstring("hello")
        + struct.pack("<i", 1)
        + b"\x02"
        + _cstring("$db")
        + struct.pack("<i", len(db) + 1)
        + db
        + b"\x00"
    )
    return struct.pack("<i", len(body) + 5) + body + b"\x00"


# Fixed value sizes of BSON element types that carry no length prefix.
_FIXED_SIZES = {
    0x01: 8,  # double
    0x06: 0,  # undefined
    0x07: 12,  # ObjectId
    0x08: 1,  # bool
    0x09: 8,  # UTC datetime
    0x0A: 0,  # null
    0x10: 4,  # int32
    0x11: 8,  # timestamp
    0x12: 8,  # int64
    0x13: 16,  # decimal128
    0x7F: 0,  # max key
    0xFF: 0,  # min key
}


def _cstring_end(buf: bytes, pos: int, end: int) -> int:
    """Return the index just past the NUL that ends the C string at ``pos``."""
    nul = buf.find(b"\x00", pos, end)
    if nul < 0:
        raise ValueError("unterminated BSON C string")
    return nul + 1


def _bson_ok(buf: bytes, start: int, end: int) -> bool:
    """Check the BSON document at ``buf[start:end]`` and return whether its ``ok`` is 1.

    Raises ValueError if the document is malformed.
    """
    if end - start < 5:
        raise ValueError("BSON document too short")
    (length,) = struct.unpack_from("<i", buf, start)
    if length != end - start or buf[end - 1] != 0:
        raise ValueError("BSON document length mismatch")
    pos = start + 4
    ok = False
    while pos < end - 1:
        kind = buf[pos]
        name_end = _cstring_end(buf, pos + 1, end)
        name = buf[pos + 1 : name_end - 1]
        pos = name_end
        if kind in _FIXED_SIZES:
            size = _FIXED_SIZES[kind]
            if name == b"ok" and pos + size <= end:
                if kind == 0x01:
                    ok = struct.unpack_from("<d", buf, pos)[0] == 1.0
                elif kind == 0x10:
                    ok = struct.unpack_from("<i", buf, pos)[0] == 1
                elif kind == 0x12:
                    ok = struct.unpack_from("<q", buf, pos)[0] == 1
                elif kind == 0x08:
                    ok = buf[pos] == 1
            pos += size
        elif kind in (0x02, 0x0D, 0x0E):  # string, JavaScript, symbol
            (size,) = struct.unpack_from("<i", buf, pos)
            pos += 4 + size
        elif kind in (0x03, 0x04):  # embedded document, array
            (size,) = struct.unpack_from("<i", buf, pos)
            pos += size
        elif kind == 0x05:  # binary: length, subtype, bytes
            (size,) = struct.unpack_from("<i", buf, pos)
            pos += 5 + size
        elif kind == 0x0B:  # regex: two C strings
            pos = _cstring_end(buf, _cstring_end(buf, pos, end), end)
        else:
            raise ValueError(f"unsupported BSON type 0x{kind:02x}")
        if pos > end - 1:
            raise ValueError("BSON element runs past the document")
    return ok


def _recv_exactly(sock: socket.socket, size: int, deadline: float) -> bytes:
    """Read exactly ``size`` bytes before ``deadline`` (monotonic), or raise OSError."""
    chunks: list[bytes] = []
    remaining = size
    while remaining > 0:
        left = deadline - time.monotonic()
        if left <= 0:
            raise TimeoutError("FerretDB did not answer in time")
        sock.settimeout(left)
        chunk = sock.recv(min(remaining, 65536))
        if not chunk:
            raise ConnectionError("FerretDB closed the connection")
        chunks.append(chunk)
        remaining -= len(chunk)
    return b"".join(chunks)


def ferretdb_is_ready(port: int, timeout: float = 1.0) -> bool:
    """Return True if something on ``127.0.0.1:port`` answers a MongoDB ``hello`` with ``ok: 1``.

    Sends one OP_MSG (opcode 2013) carrying ``{hello: 1, $db: "admin"}`` and
    requires a well-formed OP_MSG reply to that request whose body document has
    ``ok`` equal to 1.  An open port that speaks anything else is not "ready".
    Never raises for network or protocol errors; the whole check is bounded by
    ``timeout`` seconds.
    """
    deadline = time.monotonic() + timeout
    request_id = int.from_bytes(os.urandom(4), "little") & 0x7FFFFFFF
    body = struct.pack("<I", 0) + b"\x00" + _bson_hello()  # flagBits, section kind 0, document
    message = struct.pack("<iiii", 16 + len(body), request_id, 0, _OP_MSG) + body
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=timeout) as sock:
            sock.settimeout(max(deadline - time.monotonic(), 0.001))
            sock.sendall(message)
            header = _recv_exactly(sock, 16, deadline)
            length, _reply_id, response_to, opcode = struct.unpack("<iiii", header)
            if opcode != _OP_MSG or response_to != request_id:
                return False
            if not 16 + 5 + 5 <= length <= _MAX_REPLY_BYTES:
                return False
            payload = _recv_exactly(sock, length - 16, deadline)
            (flags,) = struct.unpack_from("<I", payload, 0)
            end = len(payload) - (4 if flags & 0x1 else 0)  # checksumPresent: trailing CRC-32C
            if payload[4] != 0:  # the first section must be the body (kind 0)
                return False
            doc_start = 5
            (doc_len,) = struct.unpack_from("<i", payload, doc_start)
            if doc_len < 5 or doc_start + doc_len > end:
                return False
            return _bson_ok(payload, doc_start, doc_start + doc_len)
    except (OSError, ValueError, struct.error, IndexError):
        return False
