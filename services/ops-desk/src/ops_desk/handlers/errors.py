"""Ops-desk's refusals, without HTTP: entrypoints/problems.py maps each to its problem."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

from aiokafka.errors import KafkaError
from pymongo.errors import PyMongoError

from payportal.failures import NotFoundError, OpsError


class OpsDeskError(Exception):
    """A refusal with a stable code and the same message in az, en and ru."""

    code = "ops_error"
    en = "The ops desk could not do this."
    az = "Əməliyyat masası bunu edə bilmədi."
    ru = "Операционный пульт не смог это сделать."

    def __init__(self, detail: str = "") -> None:
        super().__init__(detail or self.en)
        self.detail = detail


class PaymentNotFoundError(OpsDeskError):
    code = "payment_not_found"
    en = "No service stores this payment and no event names it."
    az = "Bu ödənişi heç bir xidmət saxlamır və heç bir hadisə onu adlandırmır."
    ru = "Ни один сервис не хранит этот платёж, и ни одно событие его не называет."


class DeadLetterNotFoundError(OpsDeskError):
    code = "dead_letter_not_found"
    en = "There is no dead letter with this id."
    az = "Bu identifikatorla dayandırılmış hadisə yoxdur."
    ru = "Отложенного события с таким идентификатором нет."


class NothingToReplayError(OpsDeskError):
    code = "nothing_to_replay"
    en = "This dead letter holds no event that could be put back on its topic."
    az = "Bu dayandırılmış qeyddə mövzuya qaytarıla bilən hadisə yoxdur."
    ru = "В этом отложенном сообщении нет события, которое можно вернуть в топик."


class FilterRequiredError(OpsDeskError):
    code = "filter_required"
    en = "Give an account, a state or a service to find payments by."
    az = "Ödənişləri tapmaq üçün hesab, vəziyyət və ya xidmət göstərin."
    ru = "Укажите счёт, состояние или услугу для поиска платежей."


class StreamTicketUsedError(OpsDeskError):
    code = "stream_ticket_used"
    en = "This stream ticket has already opened the stream once; ask for a new one."
    az = "Bu axın bileti artıq bir dəfə axını açıb; yenisini istəyin."
    ru = "Этот билет потока уже открывал поток; запросите новый."


class SourcesUnavailableError(OpsDeskError):
    code = "sources_unavailable"
    en = "The broker or the database did not answer; try again shortly."
    az = "Broker və ya verilənlər bazası cavab vermədi; bir azdan yenidən cəhd edin."
    ru = "Брокер или база данных не ответили; повторите попытку чуть позже."


@contextlib.contextmanager
def translated(not_found: type[OpsDeskError]) -> Iterator[None]:
    """payportal's failures as ops-desk's refusals: an unknown id, or a source that is away."""
    try:
        yield
    except NotFoundError as error:
        raise not_found(str(error)) from None
    except OpsError as error:
        raise SourcesUnavailableError(str(error)) from None
    except (KafkaError, PyMongoError, OSError, TimeoutError) as error:
        raise SourcesUnavailableError(type(error).__name__) from None
