"""With `--loglevel warn` the worker's root logger stays at WARNING, so the libraries' debug lines
are not built into records only to be dropped (Faust's terminal spinner would set it to DEBUG)."""

from __future__ import annotations

import logging
from collections.abc import Iterator

import faust
import pytest

from reconciler.worker import QuietWorker


@pytest.fixture
def root() -> Iterator[logging.Logger]:
    logger = logging.getLogger()
    level, handlers = logger.level, logger.handlers[:]
    logger.handlers[:] = [logging.NullHandler()]
    yield logger
    logger.setLevel(level)
    logger.handlers[:] = handlers


def test_the_root_logger_keeps_the_level_asked_for(root: logging.Logger) -> None:
    worker = QuietWorker(faust.App("reconciler-logging-test"), loglevel="warn")
    root.setLevel(logging.WARNING)
    worker.on_setup_root_logger(root, logging.WARNING)
    assert root.level == logging.WARNING
    assert not logging.getLogger("aiokafka").isEnabledFor(logging.DEBUG)
