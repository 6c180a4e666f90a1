"""The API's shapes: what a customer sends for a quote, and how quotes and statuses read back."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, EmailStr, Field, StringConstraints

from contracts.events import Language
from contracts.money import Money
from imei_registry.domain.devices import DeviceModel, DeviceType
from imei_registry.domain.quote import IMEI_SERVICE_ID, Quote
from imei_registry.domain.status import ImeiStatus, StatusAnswer
from imei_registry.domain.text import REGISTRY_CONTACTS, REGISTRY_PHONE, REGISTRY_WEBSITE

TypedImei = Annotated[str, StringConstraints(max_length=64)]


class QuoteRequest(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    device_type: DeviceType = Field(description="single: one SIM slot; duos: two")
    imeis: list[TypedImei] = Field(
        min_length=1, max_length=2, description="as *#06# shows them; a duos has two"
    )
    email: EmailStr | None = Field(
        default=None, max_length=254, description="where to say the device is registered"
    )
    language: Language | None = Field(
        default=None, description="the page's language: the registered e-mail is written in it"
    )


def registry_contacts() -> dict[str, Any]:
    return {
        "name": "MCQS",
        "website": REGISTRY_WEBSITE,
        "phone": REGISTRY_PHONE,
        "message": REGISTRY_CONTACTS.as_dict(),
    }


def model_view(model: DeviceModel | None) -> dict[str, Any] | None:
    if model is None:
        return None
    return {
        "tac": model.tac,
        "brand": model.brand,
        "model": model.model,
        "name": model.name,
        "sim_slots": model.sim_slots,
        "device_type": DeviceType.with_slots(model.sim_slots).value,
        "synthetic": model.synthetic,
    }


def quote_view(quote: Quote) -> dict[str, Any]:
    fee, device = quote.fee, quote.device
    amount = Money(qepik=fee.amount_qepik)
    return {
        "quote_id": quote.id,
        "device_type": device.device_type.value,
        "imeis": list(device.imeis),
        "model": model_view(device.model),
        "type_check": device.type_check.value,
        "fee": {
            "qepik": fee.amount_qepik,
            "amount": amount.as_decimal_text(),
            "text": str(amount),
            "band": fee.band.value,
            "effective_from": fee.effective_from.isoformat(),
            "legal_basis": fee.legal_basis.as_dict(),
            "same_for_single_and_duos": True,
        },
        "notices": [{"code": n.code, "message": n.message.as_dict()} for n in device.notices],
        "created_at": quote.created_at.isoformat(),
        "expires_at": quote.expires_at.isoformat(),
        "payment": {
            "service_id": IMEI_SERVICE_ID,
            "account": quote.id,
            "amount": amount.as_decimal_text(),
            "url": "/api/payments",
        },
        "registry": registry_contacts(),
    }


def status_view(imei: str, answer: StatusAnswer) -> dict[str, Any]:
    view: dict[str, Any] = {
        "imei": imei,
        "status": answer.status.value,
        "message": answer.message.as_dict(),
        "known_by": answer.known_by,
        "registry": registry_contacts(),
    }
    since = answer.since.isoformat() if answer.since else None
    if answer.status is ImeiStatus.REGISTERED:
        view["registered_at"] = since
    elif answer.status is ImeiStatus.PENDING:
        view["requested_at"] = since
    elif answer.status is ImeiStatus.REJECTED:
        view["rejected_at"] = since
        view["reason"] = answer.reason
    return view
