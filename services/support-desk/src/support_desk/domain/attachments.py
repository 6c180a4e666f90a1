"""Images a customer may attach (a photo of the phone's screen): recognised by their first bytes."""

from __future__ import annotations

from dataclasses import dataclass

MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024


@dataclass(frozen=True)
class Attachment:
    """What the ticket remembers of its image; the bytes are kept beside it, by ticket id."""

    content_type: str
    size: int
    sha256: str
    filename: str


def image_type(content: bytes) -> str | None:
    """PNG, JPEG or WebP by magic bytes; whatever the file's name or declared type claims."""
    if content.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if content.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if len(content) >= 12 and content[:4] == b"RIFF" and content[8:12] == b"WEBP":
        return "image/webp"
    return None


def safe_filename(raw: str | None, content_type: str) -> str:
    """A name to show, never a path: letters, digits, dot, dash, underscore; the true extension."""
    extension = {"image/png": ".png", "image/jpeg": ".jpg", "image/webp": ".webp"}[content_type]
    stem = (raw or "image").rsplit("/", 1)[-1].rsplit("\\", 1)[-1].rsplit(".", 1)[0]
    cleaned = "".join(char for char in stem if char.isalnum() or char in "-_")[:60] or "image"
    return cleaned + extension
