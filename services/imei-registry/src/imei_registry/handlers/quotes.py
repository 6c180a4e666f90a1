"""Make a quote: check the device, refuse a type mismatch or a registered IMEI, price it, store it."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

from contracts.events import Language
from contracts.ids import new_id
from imei_registry.adapters.registry import RegistryRefusedError, RegistryUnavailableError
from imei_registry.domain.device_check import Device, identify_device
from imei_registry.domain.devices import DeviceType, TypeCheck
from imei_registry.domain.quote import Quote, price_quote
from imei_registry.domain.states import RegistrationState
from imei_registry.domain.tickets import TicketDraft, mismatch_ticket
from imei_registry.handlers.context import ImeiRegistry


class DeviceTypeMismatchError(Exception):
    """The chosen single/duos does not fit the model: explained, with a ticket to open."""

    def __init__(self, device: Device, ticket: TicketDraft) -> None:
        super().__init__(f"{device.device_type} chosen for a model with other SIM slots")
        self.device = device
        self.ticket = ticket


class ImeiAlreadyRegisteredError(Exception):
    """Paying again would register nothing: the IMEI is registered, or about to be."""

    def __init__(self, imei: str, pending: bool, registered_at: datetime | None) -> None:
        super().__init__(f"IMEI already {'pending' if pending else 'registered'}")
        self.imei = imei
        self.pending = pending
        self.registered_at = registered_at


async def make_quote(
    registry: ImeiRegistry,
    device_type: DeviceType,
    typed_imeis: Sequence[str],
    email: str | None,
    language: Language | None = None,
) -> Quote:
    """Raises DeviceRefusedError, DeviceTypeMismatchError, ImeiAlreadyRegisteredError or
    RegistryUnavailableError, in that order of checks; nothing is stored unless all pass."""
    device = identify_device(device_type, typed_imeis, registry.directory)
    if device.type_check is TypeCheck.MISMATCH:
        raise DeviceTypeMismatchError(device, mismatch_ticket(device, email))
    await refuse_registered(registry, device.imeis)
    quote = price_quote(
        new_id("qte"),
        device,
        registry.fees,
        email,
        registry.clock(),
        timedelta(seconds=registry.settings.quote_seconds),
        language,
    )
    await registry.quotes.add(quote)
    return quote


async def refuse_registered(registry: ImeiRegistry, imeis: Sequence[str]) -> None:
    """Our own records first (they know what is on its way), then the registry itself."""
    for held in await registry.registrations.of_imeis(imeis, holding_only=True):
        imei = next(imei for imei in held.imeis if imei in imeis)
        done = held.state is RegistrationState.REGISTERED
        raise ImeiAlreadyRegisteredError(imei, not done, held.registered_at)
    for imei in imeis:
        try:
            lookup = await registry.mcqs.look_up(imei)
        except RegistryRefusedError as error:
            raise RegistryUnavailableError(f"lookup refused: {error.code}") from error
        if lookup.status != "not_registered":
            raise ImeiAlreadyRegisteredError(imei, lookup.status == "pending", lookup.registered_at)
