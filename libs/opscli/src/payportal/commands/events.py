"""`payportal events tail`: every topic's events, one line each (or CloudEvents JSON), live."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Annotated

import typer
from rich.console import Console

from contracts.topics import Topic
from payportal.endpoints import Endpoints
from payportal.failures import fail, run
from payportal.kafka_io import Record, partitions, position, reader, records
from payportal.lines import event_line, undecodable_line
from payportal.output import console
from payportal.selection import EventFilter, Start, parse_since

app = typer.Typer(help="Events on the broker.", no_args_is_help=True)

TopicOption = Annotated[
    list[str] | None,
    typer.Option("--topic", help="A topic to read (repeatable); default every topic."),
]
TypeOption = Annotated[
    list[str] | None, typer.Option("--type", help="Only this CloudEvents type (repeatable).")
]
SubjectOption = Annotated[
    str | None,
    typer.Option(
        "--subject", "--payment", help="Only events about it: its subject, or the payment named."
    ),
]
SinceOption = Annotated[
    str | None,
    typer.Option(help="From an ISO time, -5m / -2h / -1d, or offset:N on every partition."),
]


@app.command()
def tail(
    ctx: typer.Context,
    topic: TopicOption = None,
    event_type: TypeOption = None,
    subject: SubjectOption = None,
    since: SinceOption = None,
    follow: Annotated[
        bool, typer.Option(help="Keep reading new events; --no-follow stops at the current end.")
    ] = True,
    as_json: Annotated[
        bool, typer.Option("--json", help="One CloudEvents JSON object per line.")
    ] = False,
) -> None:
    """One readable line per event: time, topic, type, subject and the key facts."""
    endpoints: Endpoints = ctx.obj
    topics = topic or [item.value for item in Topic]
    try:
        start = parse_since(since, datetime.now(UTC), follow=follow)
    except ValueError as error:
        fail(str(error))
    keep = EventFilter(types=tuple(event_type or ()), about=subject)
    run(_tail(endpoints, topics, start, keep, follow=follow, as_json=as_json))


async def _tail(
    endpoints: Endpoints,
    topics: list[str],
    start: Start,
    keep: EventFilter,
    *,
    follow: bool,
    as_json: bool,
) -> None:
    out = console()
    async with reader(endpoints) as consumer:
        assigned = await partitions(consumer, topics, endpoints)
        ends = await position(consumer, assigned, start)
        if follow:
            # On stderr, so a pipe gets only events; said once the reader stands where it starts.
            console(stderr=True).print(f"following {', '.join(topics)}; Ctrl-C stops")
            async for record in records(consumer, ends, follow=True):
                _show(record, keep, as_json, out)  # Rich and typer.echo flush each line
            return
        found = [
            record
            async for record in records(consumer, ends, follow=False)
            if _wanted(record, keep, as_json)
        ]
        # Across topics and partitions only the event times tell the order.
        found.sort(key=lambda item: (item.envelope.time if item.envelope else _EPOCH, item.offset))
        for record in found:
            _show(record, keep, as_json, out)


_EPOCH = datetime.fromtimestamp(0, UTC)


def _wanted(record: Record, keep: EventFilter, as_json: bool) -> bool:
    """Records that are not CloudEvents are shown (unfiltered, human lines only), never dropped
    silently: they are what a consumer would park."""
    if record.envelope is None:
        return not as_json and not keep.types and keep.about is None
    return keep.keeps(record.envelope)


def _show(record: Record, keep: EventFilter, as_json: bool, out: Console) -> None:
    if not _wanted(record, keep, as_json):
        return
    envelope = record.envelope
    if envelope is None:
        out.print(undecodable_line(record.topic, record.partition, record.offset, record.problem))
    elif as_json:
        typer.echo(json.dumps(envelope.model_dump(mode="json"), ensure_ascii=False))
    else:
        out.print(event_line(envelope, record.topic), soft_wrap=True)
