"""`payportal payments show | find`: one payment's whole story, or the payments that match."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated

import typer

from contracts.topics import Topic
from payportal.endpoints import Endpoints
from payportal.failures import OpsError, fail, run
from payportal.kafka_io import partitions, read_to_end, reader
from payportal.mongo_io import Document, databases, find_payments, payment_documents
from payportal.output import console
from payportal.selection import EventFilter, FromBeginning, FromTime, parse_since
from payportal.story import PaymentRecords, render, tell
from payportal.tables import payments_table

app = typer.Typer(help="Payments: their stories, and finding them.", no_args_is_help=True)
FIND_LIMIT = 50


@app.command()
def show(ctx: typer.Context, payment_id: Annotated[str, typer.Argument(metavar="ID")]) -> None:
    """The payment's story in time order: state changes, every event about it on every topic,
    the activation and the provider's answers, bank callbacks kept, and its case."""
    records = run(_gather(ctx.obj, payment_id))
    out = console()
    for line in render(tell(records)):
        out.print(line, soft_wrap=True)


async def _gather(endpoints: Endpoints, payment_id: str) -> PaymentRecords:
    async with databases(endpoints) as client:
        payment, activation, callbacks, cases = await payment_documents(client, payment_id)
    about = EventFilter(about=payment_id)
    async with reader(endpoints) as consumer:
        assigned = await partitions(consumer, [topic.value for topic in Topic], endpoints)
        events = [
            (record.topic, record.envelope)
            async for record in read_to_end(consumer, assigned, FromBeginning())
            if record.envelope is not None and about.keeps(record.envelope)
        ]
    records = PaymentRecords(payment_id, payment, events, activation, callbacks, cases)
    if records.is_empty():
        raise OpsError(f"no payment {payment_id}: no service stores it and no event names it")
    return records


@app.command()
def find(
    ctx: typer.Context,
    account: Annotated[str | None, typer.Option(help="The account number, as stored.")] = None,
    state: Annotated[str | None, typer.Option(help="initiated, debited, completed, …")] = None,
    service: Annotated[
        str | None, typer.Option(help="A catalog service id, e.g. azercell.")
    ] = None,
    since: Annotated[str | None, typer.Option(help="Created since: ISO time or -5m / -1d.")] = None,
) -> None:
    """Payments at checkout matching every filter given, newest first (at most 50)."""
    conditions: Document = {}
    for name, value in (("account", account), ("state", state), ("service_id", service)):
        if value:
            conditions[name] = value
    if since:
        start = _created_since(since)
        conditions["created_at"] = {"$gte": start}
    found = run(_find(ctx.obj, conditions))
    out = console()
    if not found:
        out.print("no payment matches")
        return
    out.print(payments_table(found))


def _created_since(text: str) -> datetime:
    try:
        start = parse_since(text, datetime.now(UTC), follow=False)
    except ValueError as error:
        fail(str(error))
    if not isinstance(start, FromTime):
        fail(f"--since {text!r}: payments are found by time (ISO time or -5m / -1d)")
    return start.moment


async def _find(endpoints: Endpoints, conditions: Document) -> list[Document]:
    async with databases(endpoints) as client:
        return await find_payments(client, conditions, FIND_LIMIT)
