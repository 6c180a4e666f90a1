"""Dead letters by id, and their replay: the parked envelope back on its topic, same event id.

A consumer records a parked event in its inbox too (so a redelivery does not park it again);
the first replay removes that one entry from the parking service's inbox, so that service
handles the event again. Later replays only publish: every inbox then skips the event."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from bson import ObjectId
from pydantic import ValidationError
from pymongo import AsyncMongoClient

from contracts.envelope import Envelope
from payportal.endpoints import SERVICE_DATABASES, Endpoints
from payportal.failures import NotFoundError, OpsError
from payportal.kafka_clients import publish
from payportal.mongo_io import Document


@dataclass(frozen=True)
class Replayed:
    letter_id: str
    service: str
    topic: str
    envelope: Envelope
    first: bool  # False: replayed before, so no consumer handles it again


async def find_dead_letter(client: AsyncMongoClient[Document], letter_id: str) -> Document:
    """The letter with `service` (its database) added; OpsError for an id nobody parked."""
    if ObjectId.is_valid(letter_id):
        for service in SERVICE_DATABASES:
            letter = await client[service]["dead_letters"].find_one({"_id": ObjectId(letter_id)})
            if letter is not None:
                return {**letter, "service": service}
    raise NotFoundError(f"no dead letter {letter_id} in {', '.join(SERVICE_DATABASES)}")


async def replay(
    endpoints: Endpoints, client: AsyncMongoClient[Document], letter_id: str
) -> Replayed:
    letter = await find_dead_letter(client, letter_id)
    if not letter.get("envelope"):
        raise OpsError(
            f"dead letter {letter_id} holds a record that is not a CloudEvent "
            f"({letter.get('error', 'no error kept')}); there is nothing to replay"
        )
    try:
        envelope = Envelope.model_validate(letter["envelope"])
    except ValidationError as error:
        raise OpsError(f"dead letter {letter_id} holds an invalid envelope: {error}") from None
    database = client[letter["service"]]
    first = letter.get("replayed_at") is None
    if first:
        await database["inbox"].delete_one({"_id": envelope.id})
    await publish(endpoints, letter["topic"], envelope)
    await database["dead_letters"].update_one(
        {"_id": letter["_id"]},
        {"$set": {"replayed_at": datetime.now(UTC)}, "$inc": {"replays": 1}},
    )
    return Replayed(letter_id, letter["service"], letter["topic"], envelope, first)
