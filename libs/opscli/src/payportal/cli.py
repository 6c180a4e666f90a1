"""`payportal`: the ops command line. Points at what `make run` started unless told otherwise."""

from __future__ import annotations

from typing import Annotated

import typer

from payportal.commands import cases, dead_letters, events, lag, payments, recon
from payportal.endpoints import DEFAULT_GATEWAY, DEFAULT_KAFKA, DEFAULT_MONGO, Endpoints

app = typer.Typer(
    help="Watch and act on the payment portal: events, payments, cases, reconciliation, dead letters, lag.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)
app.add_typer(events.app, name="events")
app.add_typer(payments.app, name="payments")
app.add_typer(cases.app, name="cases")
app.add_typer(recon.app, name="recon")
app.add_typer(dead_letters.app, name="dead-letters")


@app.callback()
def where(
    ctx: typer.Context,
    kafka: Annotated[
        str, typer.Option(envvar="PAYPORTAL_KAFKA", help="Kafka bootstrap host:port.")
    ] = DEFAULT_KAFKA,
    mongo: Annotated[
        str, typer.Option(envvar="PAYPORTAL_MONGO", help="MongoDB (FerretDB) URL.")
    ] = DEFAULT_MONGO,
    gateway: Annotated[
        str, typer.Option(envvar="PAYPORTAL_GATEWAY", help="The portal's gateway URL.")
    ] = DEFAULT_GATEWAY,
    timeout: Annotated[
        float,
        typer.Option(envvar="PAYPORTAL_TIMEOUT", help="Seconds to wait for a server to answer."),
    ] = 5.0,
) -> None:
    ctx.obj = Endpoints(kafka=kafka, mongo=mongo, gateway=gateway.rstrip("/"), timeout=timeout)


@app.command("lag")
def lag_command(ctx: typer.Context) -> None:
    """Each consumer group's lag per topic and partition, and each outbox's backlog."""
    lag.lag(ctx.obj)
