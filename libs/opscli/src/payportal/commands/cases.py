"""`payportal cases list`: support-desk's open cases, the least SLA time left first."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Annotated

import typer

from payportal.cases import cases_json, cases_table, open_cases
from payportal.endpoints import Endpoints
from payportal.failures import run
from payportal.mongo_io import Document, databases, open_case_documents
from payportal.output import console

app = typer.Typer(help="Support cases: the reconciler's and the customers'.", no_args_is_help=True)


@app.command("list")
def list_cases(
    ctx: typer.Context,
    kind: Annotated[
        str | None,
        typer.Option(help="A mismatch kind (debited_not_activated, bank_only, …) or a category."),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON array, for scripts.")] = False,
) -> None:
    """Open cases with the SLA time left (late ones in red; paused while the customer owes an
    answer), their kind, payment and the amount the reconciler's facts name."""
    documents = run(_open(ctx.obj))
    cases = open_cases(documents, datetime.now(UTC), kind)
    if as_json:
        typer.echo(json.dumps(cases_json(cases), indent=2, ensure_ascii=False))
        return
    out = console()
    if not cases:
        out.print(f"no open {kind} case" if kind else "no open case", markup=False)
        return
    out.print(cases_table(cases))


async def _open(endpoints: Endpoints) -> list[Document]:
    async with databases(endpoints) as client:
        return await open_case_documents(client)
