"""The one way services open MongoDB: PyMongo's native async client, timezone-aware."""

from __future__ import annotations

from typing import Any

from pymongo import AsyncMongoClient
from pymongo.asynchronous.database import AsyncDatabase

Document = dict[str, Any]


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
