"""Quotes in MongoDB, and the claim that lets one payment, and only one, use a quote.

A quote never changes once stored. Claiming it is a unique insert keyed by the quote id (atomic
even on FerretDB), so two payments of one quote cannot both register the device.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from pymongo.asynchronous.database import AsyncDatabase
from pymongo.errors import DuplicateKeyError

from imei_registry.domain.device_check import Device, Notice
from imei_registry.domain.devices import DeviceModel, DeviceType, TypeCheck
from imei_registry.domain.fees import Fee, PriceBand
from imei_registry.domain.quote import Quote
from imei_registry.domain.text import Bilingual
from servicekit.mongo import Document


class QuoteRepository:
    def __init__(self, database: AsyncDatabase[Document]) -> None:
        self._quotes = database["quotes"]
        self._claims = database["quote_claims"]

    async def add(self, quote: Quote) -> None:
        await self._quotes.insert_one(to_document(quote))

    async def get(self, quote_id: str) -> Quote | None:
        document = await self._quotes.find_one({"_id": quote_id})
        return from_document(document) if document else None

    async def claim(self, quote_id: str, payment_id: str) -> bool:
        """Whether this payment holds the quote (it claimed it now, or had claimed it before)."""
        try:
            await self._claims.insert_one({"_id": quote_id, "payment_id": payment_id})
        except DuplicateKeyError:
            claim = await self._claims.find_one({"_id": quote_id})
            return claim is not None and claim["payment_id"] == payment_id
        return True


def to_document(quote: Quote) -> Document:
    device, fee, model = quote.device, quote.fee, quote.device.model
    return {
        "_id": quote.id,
        "device_type": device.device_type.value,
        "imeis": list(device.imeis),
        "model": _model_document(model) if model else None,
        "type_check": device.type_check.value,
        "notices": [{"code": n.code, **n.message.as_dict()} for n in device.notices],
        "fee": {
            "band": fee.band.value,
            "amount_qepik": fee.amount_qepik,
            "effective_from": fee.effective_from.isoformat(),
            "legal_basis": fee.legal_basis.as_dict(),
        },
        "email": quote.email,
        "language": quote.language,
        "created_at": quote.created_at,
        "expires_at": quote.expires_at,
    }


def _model_document(model: DeviceModel) -> Document:
    return {
        "tac": model.tac,
        "brand": model.brand,
        "model": model.model,
        "sim_slots": model.sim_slots,
        "band": model.band.value,
        "synthetic": model.synthetic,
    }


def from_document(document: Document) -> Quote:
    raw_model: Any = document.get("model")
    model = (
        DeviceModel(
            raw_model["tac"],
            raw_model["brand"],
            raw_model["model"],
            raw_model["sim_slots"],
            PriceBand(raw_model["band"]),
            bool(raw_model["synthetic"]),
        )
        if raw_model
        else None
    )
    device = Device(
        DeviceType(document["device_type"]),
        tuple(document["imeis"]),
        model,
        TypeCheck(document["type_check"]),
        tuple(Notice(n["code"], _text(n)) for n in document["notices"]),
    )
    raw_fee = document["fee"]
    fee = Fee(
        PriceBand(raw_fee["band"]),
        raw_fee["amount_qepik"],
        date.fromisoformat(raw_fee["effective_from"]),
        _text(raw_fee["legal_basis"]),
    )
    return Quote(
        document["_id"],
        device,
        fee,
        document.get("email"),
        document["created_at"],
        document["expires_at"],
        document.get("language"),
    )


def _text(stored: dict[str, str]) -> Bilingual:
    """A quote saved before texts had Russian reads with none (the page then shows English)."""
    return Bilingual(stored["az"], stored["en"], stored.get("ru", ""))
