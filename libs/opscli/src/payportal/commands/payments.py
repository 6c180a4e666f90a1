"""`payportal payments show | find`: one payment's whole story, or the payments that match."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated

import typer

from payportal.endpoints import Endpoints
from payportal.failures import fail, run
from payportal.mongo_io import Document, databases, find_payments
from payportal.output import console
from payportal.selection import FromTime, parse_since
from payportal.sources import gather_payment
from payportal.story import render, tell
from payportal.tables import payments_table

app = typer.Typer(help="Payments: their stories, and finding them.", no_args_is_help=True)
FIND_LIMIT = 50


@app.command()
def show(ctx: typer.Context, payment_id: Annotated[str, typer.Argument(metavar="ID")]) -> None:
    """The payment's story in time order: state changes, every event about it on every topic,
    the activation and the provider's answers, bank callbacks kept, and its case."""
    records = run(gather_payment(ctx.obj, payment_id))
    out = console()
    for line in render(tell(records)):
        out.print(line, soft_wrap=True)


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
