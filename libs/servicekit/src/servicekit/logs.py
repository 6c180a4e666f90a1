"""JSON logs, one object a line, carrying the correlation id; e-mails, phones and IMEIs masked."""

from __future__ import annotations

import json
import logging
import re
import sys
from contextvars import ContextVar
from datetime import UTC, datetime

correlation_id: ContextVar[str | None] = ContextVar("correlation_id", default=None)

_EMAIL = re.compile(r"([A-Za-z0-9._%+-])[A-Za-z0-9._%+-]*@([A-Za-z0-9.-]+)")
_LONG_NUMBER = re.compile(r"(?<!\d)(\+?\d[\d -]{7,}\d)(?!\d)")


def mask_personal_data(text: str) -> str:
    """Keeps enough to recognise a value in a log, not enough to reuse it."""
    text = _EMAIL.sub(r"\1***@\2", text)
    return _LONG_NUMBER.sub(lambda match: "***" + re.sub(r"\D", "", match.group(1))[-3:], text)


class JsonFormatter(logging.Formatter):
    def __init__(self, service: str) -> None:
        super().__init__()
        self._service = service

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, object] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            "service": self._service,
            "logger": record.name,
            "message": mask_personal_data(record.getMessage()),
        }
        if (current := correlation_id.get()) is not None:
            entry["correlation_id"] = current
        if record.exc_info:
            entry["error"] = mask_personal_data(self.formatException(record.exc_info))
        return json.dumps(entry, ensure_ascii=False)


def configure_logging(service: str, level: str) -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(JsonFormatter(service))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level.upper())
    for noisy in ("aiokafka", "uvicorn.access", "pymongo"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
