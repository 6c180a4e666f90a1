"""`payportal dead-letters list | show | replay`: events the services parked after 5 failures."""

from __future__ import annotations

import json
from typing import Annotated, Any

import typer

from payportal.endpoints import Endpoints
from payportal.failures import run
from payportal.mongo_io import Document, databases, dead_letters
from payportal.output import console
from payportal.replay import Replayed, find_dead_letter, replay
from payportal.tables import dead_letters_table

app = typer.Typer(help="Events parked in every service's dead_letters.", no_args_is_help=True)
LetterId = Annotated[str, typer.Argument(metavar="ID", help="The id `dead-letters list` shows.")]


@app.command("list")
def list_letters(
    ctx: typer.Context, limit: Annotated[int, typer.Option(help="At most this many.")] = 50
) -> None:
    """Parked events of every service, newest first."""
    letters = run(_list(ctx.obj, limit))
    out = console()
    if not letters:
        out.print("no dead letters")
        return
    out.print(dead_letters_table(letters))


async def _list(endpoints: Endpoints, limit: int) -> list[Document]:
    async with databases(endpoints) as client:
        return await dead_letters(client, limit)


@app.command()
def show(ctx: typer.Context, letter_id: LetterId) -> None:
    """The whole dead letter: topic, error, the parked envelope."""
    letter = run(_show(ctx.obj, letter_id))
    typer.echo(json.dumps(letter, indent=2, ensure_ascii=False, default=_plain))


async def _show(endpoints: Endpoints, letter_id: str) -> Document:
    async with databases(endpoints) as client:
        return await find_dead_letter(client, letter_id)


@app.command("replay")
def replay_letter(ctx: typer.Context, letter_id: LetterId) -> None:
    """Puts the parked event back on its topic with its own id; the service that parked it
    handles it again, and every other consumer's inbox skips it (replaying twice is harmless)."""
    done = run(_replay(ctx.obj, letter_id))
    console().print(describe_replay(done), soft_wrap=True, markup=False)


async def _replay(endpoints: Endpoints, letter_id: str) -> Replayed:
    async with databases(endpoints) as client:
        return await replay(endpoints, client, letter_id)


def describe_replay(done: Replayed) -> str:
    what = f"{done.envelope.type} {done.envelope.id} about {done.envelope.subject}"
    if done.first:
        return f"replayed {done.letter_id}: {what} is back on {done.topic}; {done.service} handles it again"
    return (
        f"replayed {done.letter_id} again: {what} is on {done.topic} once more; it was replayed "
        "before, so every consumer's inbox skips it"
    )


def _plain(value: Any) -> str:
    """Dates as ISO text, ObjectIds and bytes as text: what `show` prints is JSON."""
    if hasattr(value, "isoformat"):
        return str(value.isoformat())
    if isinstance(value, bytes):
        return value.decode(errors="replace")
    return str(value)
