"""Turns what goes wrong into one line on stderr and exit code 1, never a traceback."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Coroutine
from typing import Any, NoReturn, TypeVar

import typer
from aiokafka.errors import KafkaError
from pymongo.errors import PyMongoError
from rich.console import Console

T = TypeVar("T")


class OpsError(Exception):
    """A failure the user can act on; its message is the whole story."""


class NotFoundError(OpsError):
    """The id asked for names nothing: no payment, no dead letter (the stack itself answered)."""


def run(work: Coroutine[Any, Any, T]) -> T:
    """Runs a command's coroutine; unreachable servers and unknown ids end it with exit code 1."""
    for noisy in ("aiokafka", "kafka", "pymongo"):  # their retries' warnings, not our errors
        logging.getLogger(noisy).setLevel(logging.CRITICAL)
    try:
        return asyncio.run(work)
    except KeyboardInterrupt:
        raise typer.Exit(0) from None
    except OpsError as error:
        fail(str(error))
    except KafkaError as error:
        fail(f"Kafka did not answer: {_first_line(error)}")
    except PyMongoError as error:
        fail(f"the database did not answer: {_first_line(error)}")
    except (OSError, TimeoutError) as error:
        fail(f"could not reach the stack: {_first_line(error)}")
    except Exception as error:  # the promise to ops: one line, whatever broke
        fail(f"unexpected {type(error).__name__}: {_first_line(error)}")


def fail(message: str) -> NoReturn:
    """One line on stderr, never wrapped, and exit code 1."""
    Console(stderr=True, highlight=False, soft_wrap=True).print(
        f"error: {message}", style="red", markup=False
    )
    raise typer.Exit(1)


def _first_line(error: BaseException) -> str:
    text = str(error).strip() or type(error).__name__
    return text.splitlines()[0][:300]
