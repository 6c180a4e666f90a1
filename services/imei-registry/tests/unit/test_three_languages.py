"""Every text imei-registry sends to a page, and every problem it answers with, reads in
Azerbaijani, English and Russian: the Russian page never falls back to English."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest

from imei_registry.domain import status
from imei_registry.domain.device_check import DeviceRefusedError, identify_device
from imei_registry.domain.devices import DeviceType, TacDirectory
from imei_registry.domain.fees import FeeTable
from imei_registry.domain.imei import InvalidImeiError, normalise_imei
from imei_registry.domain.text import REGISTRY_CONTACTS, RESTART_ADVICE, Bilingual
from imei_registry.entrypoints import problems
from imei_registry.handlers.quotes import ImeiAlreadyRegisteredError
from servicekit.problems import Problem

CYRILLIC = re.compile(r"[а-яё]", re.IGNORECASE)


def assert_three_languages(az: str, en: str, ru: str | None) -> None:
    assert az and en and ru, (az, en, ru)
    assert CYRILLIC.search(ru), f"not Russian: {ru}"
    assert ru != en


def explanation(typed: str) -> Bilingual:
    with pytest.raises(InvalidImeiError) as refused:
        normalise_imei(typed)
    return refused.value.explanation


@pytest.mark.parametrize(
    "typed",
    [
        "",
        "35-2099-00x",
        "490154203237519",
        "111111111111111",
        "4901542032375101",
        "12345",
        "49015420323751",
    ],
)
def test_every_imei_mistake_is_explained_in_russian(typed: str) -> None:
    text = explanation(typed)
    assert_three_languages(text.az, text.en, text.ru)


def test_device_refusals_and_status_answers_speak_russian(directory: TacDirectory) -> None:
    texts = [REGISTRY_CONTACTS, RESTART_ADVICE, status.NOT_REGISTERED]
    texts.append(status.pending_at_registry().message)
    texts.append(status.registered(None, "us").message)
    for device_type, typed in (
        (DeviceType.DUOS, ["490154203237518"]),
        (DeviceType.SINGLE, ["490154203237518", "352099001761481"]),
        (DeviceType.DUOS, ["490154203237518", "490154203237518"]),
    ):
        with pytest.raises(DeviceRefusedError) as refused:
            identify_device(device_type, typed, directory)
        texts.append(refused.value.explanation)
    for text in texts:
        assert_three_languages(text.az, text.en, text.ru)


def test_every_fee_schedules_legal_basis_reads_in_russian(fees: FeeTable) -> None:
    for schedule in fees.schedules:
        basis = schedule.legal_basis
        assert_three_languages(basis.az, basis.en, basis.ru)


@pytest.mark.parametrize(
    "problem",
    [
        problems.already_registered(ImeiAlreadyRegisteredError("490154203237518", True, None)),
        problems.already_registered(
            ImeiAlreadyRegisteredError("490154203237518", False, datetime.now(UTC))
        ),
        problems.registry_unavailable(),
        problems.quote_not_found(),
    ],
    ids=lambda problem: problem.code,
)
def test_every_problem_carries_russian(problem: Problem) -> None:
    assert_three_languages(problem.az, problem.en, problem.ru)
