"""`payportal recon report`: what is open between the money and the services, and what the day's
reconciliation (continuous checks and the settlement job) found."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from typing import Annotated

import typer

from payportal.cases import open_cases
from payportal.failures import fail, run
from payportal.output import console
from payportal.recon import (
    day_of_events,
    day_table,
    open_mismatches,
    open_mismatches_table,
    report_json,
)
from payportal.sources import gather_recon

app = typer.Typer(
    help="Reconciliation: open mismatches and the day's findings.", no_args_is_help=True
)


@app.command("report")
def report(
    ctx: typer.Context,
    day: Annotated[
        str | None, typer.Option(help="The UTC day of findings, YYYY-MM-DD; today by default.")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object, for scripts.")] = False,
) -> None:
    """Open mismatches by kind (count, oldest, amount), then the day's mismatch events by kind.
    The settlement job keeps no results of its own: its findings are its events (bank_only,
    ours_only, bank_amount_differs) on reconciliation.v1."""
    chosen = _day(day)
    documents, events = run(gather_recon(ctx.obj, chosen))
    now = datetime.now(UTC)
    mismatches = open_mismatches(open_cases(documents, now, None), now)
    found = day_of_events(events, chosen)
    if as_json:
        typer.echo(json.dumps(report_json(mismatches, found, chosen), indent=2))
        return
    out = console()
    out.print(open_mismatches_table(mismatches) if mismatches else "no open mismatch")
    out.print()
    if found:
        out.print(day_table(found, chosen))
    else:
        out.print(f"no mismatch event on {chosen.isoformat()} (UTC)")


def _day(text: str | None) -> date:
    if text is None:
        return datetime.now(UTC).date()
    try:
        return date.fromisoformat(text)
    except ValueError:
        fail(f"--day {text!r}: give a day as YYYY-MM-DD")
