"""The one way services open MongoDB: PyMongo's native async client, timezone-aware."""

from __future__ import annotations

from typing import Any

from pymongo import AsyncMongoClient
from pymongo.asynchronous.database import AsyncDatabase
from pymongo.errors import BulkWriteError, ConnectionFailure, OperationFailure

Document = dict[str, Any]

# Server answers that mean "not now", not "never": MongoDB's retryable and shutdown codes, its
# WriteConflict (112), and InternalError (1), which FerretDB answers while PostgreSQL is away.
_UNAVAILABLE_CODES = frozenset(
    {1, 6, 7, 89, 91, 112, 189, 262, 9001, 10107, 11600, 11602, 13435, 13436}
)
DUPLICATE_KEY = 11000


def create_mongo_client(url: str) -> AsyncMongoClient[Document]:
    return AsyncMongoClient(
        url,
        tz_aware=True,
        serverSelectionTimeoutMS=5_000,
        connectTimeoutMS=3_000,
        uuidRepresentation="standard",
        appname="portal",
    )


async def database_is_reachable(database: AsyncDatabase[Document]) -> bool:
    try:
        await database.command("ping")
    except Exception:  # any failure means "not ready"; the reason is logged by the caller
        return False
    return True


def is_unavailable(error: BaseException) -> bool:
    """The database cannot be reached or cannot answer for now: wait and try again. Anything
    else is a mistake of ours or of the request, and retrying would not help."""
    if isinstance(error, ConnectionFailure):
        return True
    if isinstance(error, BulkWriteError):  # cut short by an outage; duplicates say nothing
        codes = {e.get("code") for e in error.details.get("writeErrors", [])} - {DUPLICATE_KEY}
        return bool(codes) and codes <= _UNAVAILABLE_CODES
    return isinstance(error, OperationFailure) and error.code in _UNAVAILABLE_CODES
