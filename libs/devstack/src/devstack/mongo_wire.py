"""Is a MongoDB wire-protocol server really serving? A hand-built ``hello`` over a raw socket.

Standard library only, so it works before any driver is installed: it sends one OP_MSG
``{hello: 1, $db: "admin"}`` and requires a well-formed reply whose ``ok`` is 1.
"""

from __future__ import annotations

import os
import socket
import struct
import time

__all__ = ["mongo_wire_is_ready"]

_OP_MSG = 2013
_MAX_REPLY_BYTES = 48 * 1024 * 1024


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


def mongo_wire_is_ready(port: int, timeout: float = 1.0) -> bool:
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
