"""Older versions of an event's data turned into the current one, step by step, before a consumer
reads it (the eventsourcing library's upcasting): a producer can move an event to version N+1
while consumers and stored events still speak N.

Within a version an event only gains optional fields, and consumers ignore fields they do not
know. A change a consumer cannot ignore (a field renamed, removed, made required, its meaning
changed) is a new version: raise the event's `version` and register the step from the one below.
No event has needed one yet, so every type is at version 1 and the registry is empty.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

EventFields = dict[str, Any]
Upcaster = Callable[[EventFields], EventFields]


class VersionUnreadableError(ValueError):
    """Data at a version this code cannot turn into the one it reads: newer than it knows, or
    older with no registered step up. Retrying will not help; the event waits for a person."""


class Upcasters:
    """Steps `(event type, version) → the data at version + 1`."""

    def __init__(self) -> None:
        self._steps: dict[tuple[str, int], Upcaster] = {}

    def register(self, event_type: str, from_version: int) -> Callable[[Upcaster], Upcaster]:
        def adding(step: Upcaster) -> Upcaster:
            key = (event_type, from_version)
            if key in self._steps:
                raise ValueError(f"{event_type} already has an upcaster from v{from_version}")
            self._steps[key] = step
            return step

        return adding

    def upcast(self, event_type: str, version: int, data: EventFields, current: int) -> EventFields:
        if version > current:
            raise VersionUnreadableError(
                f"{event_type} v{version} is newer than the v{current} this service reads"
            )
        while version < current:
            step = self._steps.get((event_type, version))
            if step is None:
                raise VersionUnreadableError(f"no upcaster for {event_type} from v{version}")
            data, version = step(dict(data)), version + 1
        return data


UPCASTERS = Upcasters()
