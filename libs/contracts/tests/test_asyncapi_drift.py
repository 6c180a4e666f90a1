"""The committed AsyncAPI document must match the event models, so consumers read the truth."""

from pathlib import Path

from contracts.asyncapi import render

COMMITTED = Path(__file__).parents[3] / "docs" / "asyncapi.json"


def test_committed_event_schemas_match_the_code() -> None:
    assert COMMITTED.read_text() == render(), (
        "docs/asyncapi.json is stale: run `make schemas` and commit the result"
    )


def test_every_event_has_a_channel_and_a_schema() -> None:
    from contracts.asyncapi import asyncapi_document
    from contracts.events import ALL_EVENTS

    document = asyncapi_document()
    listed = {name for channel in document["channels"].values() for name in channel["messages"]}
    assert listed == {event.__name__ for event in ALL_EVENTS}
    assert len(ALL_EVENTS) == 21
