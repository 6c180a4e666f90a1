"""The support ticket offered when the chosen device type does not match the model (FAQ: 48 h)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Final

from imei_registry.domain.device_check import Device
from imei_registry.domain.devices import DeviceType
from imei_registry.domain.text import Bilingual

SLA_HOURS: Final = 48
TICKET_SUBJECT: Final = "IMEI"
SUPPORT_TICKETS_PATH: Final = "/api/support/tickets"
# support-desk's contact form names the subject by service id and files this category under the
# 48-hour clock (its data/categories.toml).
SUPPORT_SUBJECT: Final = "imei-registration"
SUPPORT_CATEGORY: Final = "imei_device_type_mismatch"


@dataclass(frozen=True)
class TicketDraft:
    """A prefilled ticket: the customer adds their name (and e-mail) and sends it to support."""

    model: str
    imeis: tuple[str, ...]
    message: str
    email: str | None

    def payload(self) -> dict[str, Any]:
        """The body support-desk accepts, minus what only the customer knows."""
        body: dict[str, Any] = {
            "subject": SUPPORT_SUBJECT,
            "category": SUPPORT_CATEGORY,
            "message": self.message,
            "imeis": list(self.imeis),
        }
        if self.email:
            body["email"] = self.email
        return body

    def offer(self) -> dict[str, Any]:
        return {
            "submit_to": SUPPORT_TICKETS_PATH,
            "subject": TICKET_SUBJECT,
            "model": self.model,
            "imeis": list(self.imeis),
            "sla_hours": SLA_HOURS,
            "payload": self.payload(),
            "fill_in": ["first_name", "last_name", *(() if self.email else ("email",))],
        }


def mismatch_ticket(device: Device, email: str | None) -> TicketDraft:
    """Everything a specialist needs: the chosen type, the model found, every IMEI typed."""
    model = device.model
    assert model is not None, "a mismatch needs a known model"
    slots = f"{model.sim_slots} SIM"
    chosen = "Duos" if device.device_type is DeviceType.DUOS else "Single"
    imei_lines = "\n".join(f"IMEI {index}: {imei}" for index, imei in enumerate(device.imeis, 1))
    message = (
        f"{TICKET_SUBJECT}: cihaz növü uyğun gəlmir / device type mismatch.\n"
        f"Seçilən / Chosen: {chosen}. Model: {model.name} (TAC {model.tac}, {slots}).\n"
        f"{imei_lines}\n"
        "Qutuda yazılan model / Model printed on the box: "
    )
    return TicketDraft(model.name, device.imeis, message, email)


def mismatch_explanation(device: Device) -> Bilingual:
    model = device.model
    assert model is not None, "a mismatch needs a known model"
    if device.device_type is DeviceType.DUOS:
        return Bilingual(
            az=f"Duos seçdiniz, lakin {model.name} bir SIM-kartlıdır (bir IMEI). "
            "IMEI-ləri yoxlayın və ya aşağıdakı müraciəti göndərin: mütəxəssis "
            f"{SLA_HOURS} saat ərzində məsələni həll edəcək.",
            en=f"You chose Duos, but the {model.name} has one SIM slot (one IMEI). Check the "
            f"IMEIs, or send the request below: a specialist will sort it out within {SLA_HOURS} "
            "hours.",
            ru=f"Вы выбрали Duos, но у {model.name} одна SIM-карта (один IMEI). Проверьте IMEI "
            "или отправьте обращение ниже: специалист решит вопрос в течение "
            f"{SLA_HOURS} часов.",
        )
    return Bilingual(
        az=f"Tək SIM seçdiniz, lakin {model.name} iki SIM-kartlıdır (Duos, iki IMEI). "
        "Duos seçib hər iki IMEI-ni daxil edin və ya aşağıdakı müraciəti göndərin: "
        f"mütəxəssis {SLA_HOURS} saat ərzində məsələni həll edəcək.",
        en=f"You chose Single, but the {model.name} has two SIM slots (Duos, two IMEIs). Choose "
        "Duos and enter both IMEIs, or send the request below: a specialist will sort it out "
        f"within {SLA_HOURS} hours.",
        ru=f"Вы выбрали одну SIM, но у {model.name} две SIM-карты (Duos, два IMEI). Выберите "
        "Duos и введите оба IMEI или отправьте обращение ниже: специалист решит вопрос в "
        f"течение {SLA_HOURS} часов.",
    )
