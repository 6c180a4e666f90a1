"""What customers type becomes the account the provider knows, or a refusal that says why."""

from __future__ import annotations

import pytest

from provider_gateway.domain.accounts import normalise_account
from provider_gateway.domain.catalog import Catalog
from provider_gateway.domain.refusals import AccountRefusedError


def normalise(catalog: Catalog, service_id: str, typed: str) -> str:
    service = catalog.service(service_id)
    assert service is not None
    return normalise_account(service.account, typed, catalog.phone_plan)


def refusal(catalog: Catalog, service_id: str, typed: str) -> AccountRefusedError:
    with pytest.raises(AccountRefusedError) as caught:
        normalise(catalog, service_id, typed)
    assert caught.value.en and caught.value.az
    return caught.value


@pytest.mark.parametrize(
    ("service_id", "typed", "stored"),
    [
        ("azercell", "+994 50 123 45 67", "501234567"),
        ("azercell", "050-123-45-67", "501234567"),
        ("azercell", "0501234567", "501234567"),
        ("azercell", "501234567", "501234567"),
        ("azercell", "(051) 234 56 78", "512345678"),
        ("azercell", "00994 10 234 56 78", "102345678"),
        ("azercell", "994501234567", "501234567"),
        ("azercell", "060 123 45 67", "601234567"),  # Naxtel's numbers now live anywhere
        ("bakcell", "099 555 44 33", "995554433"),
        ("nar", "+994 (77) 123-45-67", "771234567"),
        ("baktelecom", "(012) 498-12-34", "124981234"),
        ("aztelekom", "+994 22 256 12 34", "222561234"),
        ("azerisiq", "1002 0030 0400 500", "100200300400500"),
        ("azersu", " ab-12345 ", "AB12345"),
        ("azparking", "10-aa-123", "10AA123"),
        ("tax-service", "1403012345", "1403012345"),
        ("azlink", "  aysel-m ", "aysel-m"),
    ],
)
def test_usual_ways_of_writing_an_account_are_accepted(
    catalog: Catalog, service_id: str, typed: str, stored: str
) -> None:
    assert normalise(catalog, service_id, typed) == stored


def test_another_operators_prefix_is_refused_naming_that_operator(catalog: Catalog) -> None:
    refused = refusal(catalog, "azercell", "055 123 45 67")
    assert refused.reason == "operator_prefix_mismatch"
    assert "Bakcell" in refused.en and "Bakcell" in refused.az
    assert "moved" in refused.en  # a ported number's owner is told how to get help


def test_a_landline_number_is_not_a_mobile_number(catalog: Catalog) -> None:
    refused = refusal(catalog, "nar", "012 498 12 34")
    assert refused.reason == "not_a_mobile_number"
    assert "070, 077" in refused.en


def test_a_mobile_number_is_not_a_landline_number(catalog: Catalog) -> None:
    assert refusal(catalog, "baktelecom", "050 123 45 67").reason == "mobile_number_for_landline"


@pytest.mark.parametrize(
    ("service_id", "typed", "reason"),
    [
        ("azercell", "", "empty"),
        ("azercell", "   ", "empty"),
        ("azercell", "5" * 65, "too_long"),
        ("azercell", "+7 916 123 45 67", "foreign_number"),
        ("azercell", "50 123 45 6", "wrong_length"),
        ("azercell", "050 123 45 678", "wrong_length"),
        ("azercell", "5O1234567", "bad_characters"),
        ("azercell", "٥٠١٢٣٤٥٦٧", "bad_characters"),  # digits, but not ones a provider reads
        ("baktelecom", "022 256 12 34", "pattern_mismatch"),  # a landline, but not in Baku
        ("azerisiq", "12345", "pattern_mismatch"),
        ("azerisiq", "1002003004005OO", "bad_characters"),
        ("azparking", "10-AA-12", "pattern_mismatch"),
        ("azparking", "10/AA/123", "bad_characters"),
    ],
)
def test_refusals_give_their_reason(
    catalog: Catalog, service_id: str, typed: str, reason: str
) -> None:
    assert refusal(catalog, service_id, typed).reason == reason


def test_a_pattern_refusal_shows_the_hint_and_an_example(catalog: Catalog) -> None:
    refused = refusal(catalog, "azerisiq", "12345")
    assert "15 digits" in refused.en and "15 rəqəm" in refused.az
    assert "100200300400500" in refused.en
