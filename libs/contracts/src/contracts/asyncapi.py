"""Builds the AsyncAPI 3 document of every topic and event from the models (`python -m contracts.asyncapi`)."""

from __future__ import annotations

import json
import sys
from typing import Any

from contracts.events import ALL_EVENTS, EventData
from contracts.topics import PARTITIONS, Topic

_REF_TEMPLATE = "#/components/schemas/{model}"


def _message_name(event: type[EventData]) -> str:
    return event.__name__


def asyncapi_document() -> dict[str, Any]:
    """The whole document, deterministic so a test can compare it with the committed copy."""
    schemas: dict[str, Any] = {}
    messages: dict[str, Any] = {}
    for event in ALL_EVENTS:
        schema = event.model_json_schema(ref_template=_REF_TEMPLATE)
        schemas.update(schema.pop("$defs", {}))
        schemas[event.__name__] = schema
        messages[_message_name(event)] = {
            "name": event.type,
            "title": event.__name__,
            "summary": (event.__doc__ or "").strip().splitlines()[0]
            if event.__doc__
            else event.type,
            "contentType": "application/json",
            "x-data-version": event.version,
            "bindings": {"kafka": {"key": {"type": "string", "description": event.subject_field}}},
            "headers": {"$ref": "#/components/schemas/CloudEventsHeaders"},
            "payload": {"$ref": _REF_TEMPLATE.format(model=event.__name__)},
        }
    schemas["CloudEventsHeaders"] = _cloudevents_headers()
    channels = {
        topic.name.lower(): {
            "address": topic.value,
            "bindings": {"kafka": {"topic": topic.value, "partitions": PARTITIONS}},
            "messages": {
                _message_name(event): {"$ref": f"#/components/messages/{_message_name(event)}"}
                for event in ALL_EVENTS
                if event.topic is topic
            },
        }
        for topic in Topic
    }
    return {
        "asyncapi": "3.0.0",
        "info": {
            "title": "Payment portal events",
            "version": "1.0.0",
            "description": "Every event of the portal, CloudEvents over Kafka (binary mode).",
        },
        "defaultContentType": "application/json",
        "channels": channels,
        "components": {"messages": messages, "schemas": dict(sorted(schemas.items()))},
    }


def _cloudevents_headers() -> dict[str, Any]:
    names = ("ce_id", "ce_source", "ce_type", "ce_specversion", "ce_time", "ce_subject")
    return {
        "type": "object",
        "required": list(names),
        "properties": {
            **{name: {"type": "string"} for name in (*names, "ce_correlationid")},
            "ce_dataversion": {
                "type": "string",
                "pattern": "^[1-9][0-9]*$",
                "description": "The version of the data's shape; 1 when absent",
            },
        },
    }


def render() -> str:
    return json.dumps(asyncapi_document(), indent=2, ensure_ascii=False, sort_keys=False) + "\n"


if __name__ == "__main__":
    sys.stdout.write(render())
