"""Every refusal provider-gateway answers with reads in Azerbaijani, English and Russian, naming
the same operator and limits in each (the Russian page never falls back to English)."""

from __future__ import annotations

import re

import pytest

from provider_gateway.domain.accounts import normalise_account
from provider_gateway.domain.amounts import check_limits, parse_amount
from provider_gateway.domain.catalog import Catalog
from provider_gateway.domain.refusals import InputRefusedError
from provider_gateway.entrypoints import problems
from servicekit.problems import Problem

CYRILLIC = re.compile(r"[а-яё]", re.IGNORECASE)


def assert_russian(az: str, en: str, ru: str | None) -> None:
    assert az and en and ru, (az, en, ru)
    assert CYRILLIC.search(ru), f"not Russian: {ru}"


@pytest.mark.parametrize(
    ("service_id", "typed"),
    [
        ("azercell", "055 123 45 67"),  # another operator's prefix
        ("azercell", "012 498 12 34"),  # not a mobile prefix
        ("azercell", "+7 912 123 45 67"),
        ("azercell", "050 12x 45 67"),
        ("azercell", "050 123 45"),
        ("baktelecom", "050 123 45 67"),  # a mobile number for a landline
        ("azerisiq", "12a4"),
        ("azersu", "ab-1?"),
        ("azersu", "   "),
        ("azersu", "x" * 500),
        ("tax-service", "12"),
    ],
)
def test_every_account_refusal_speaks_russian(
    catalog: Catalog, service_id: str, typed: str
) -> None:
    service = catalog.service(service_id)
    assert service is not None
    with pytest.raises(InputRefusedError) as refused:
        normalise_account(service.account, typed, catalog.phone_plan)
    assert_russian(refused.value.az, refused.value.en, refused.value.ru)


def test_the_prefix_advice_names_both_operators_in_russian(catalog: Catalog) -> None:
    service = catalog.service("azercell")
    assert service is not None
    with pytest.raises(InputRefusedError) as refused:
        normalise_account(service.account, "055 123 45 67", catalog.phone_plan)
    assert "Bakcell" in refused.value.ru and "Azercell" in refused.value.ru
    assert "напишите нам" in refused.value.ru  # a ported number's owner is told how to get help


@pytest.mark.parametrize("typed", ["ten", "10.555"])
def test_amount_refusals_speak_russian(typed: str) -> None:
    with pytest.raises(InputRefusedError) as refused:
        parse_amount(typed)
    assert_russian(refused.value.az, refused.value.en, refused.value.ru)


def test_the_limits_are_named_in_russian() -> None:
    smallest, largest = parse_amount("1"), parse_amount("500")
    for amount, limit in (("0.50", smallest), ("5000", largest)):
        with pytest.raises(InputRefusedError) as refused:
            check_limits(parse_amount(amount), smallest, largest)
        assert_russian(refused.value.az, refused.value.en, refused.value.ru)
        assert str(limit) in refused.value.ru


@pytest.mark.parametrize(
    "problem",
    [
        problems.service_not_found("nope"),
        problems.lookup_not_supported(),
        problems.account_not_found(),
        problems.account_refused_by_provider(),
        problems.provider_unavailable(None),
        problems.provider_timeout(),
    ],
    ids=lambda problem: problem.code,
)
def test_every_problem_carries_russian(problem: Problem) -> None:
    assert_russian(problem.az, problem.en, problem.ru)
