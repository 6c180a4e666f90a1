"""The packaged catalog is complete and coherent; a broken catalog file is refused with a reason."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from provider_gateway.catalog.loader import CatalogError, load_catalog, parse_catalog
from provider_gateway.domain.accounts import normalise_account
from provider_gateway.domain.catalog import PAYMENT_CAP_QEPIK, Catalog, CategoryId

REQUIRED = {"mobile", "landline_internet", "home_internet", "tv", "utilities"}
REQUIRED |= {"government", "education", "transport", "loans"}
PACKAGED = Path(__file__).parents[2] / "src/provider_gateway/catalog/services.toml"


def test_more_than_fifty_services_across_every_required_category(catalog: Catalog) -> None:
    assert len(catalog.services) >= 50
    assert {service.category.value for service in catalog.services} >= REQUIRED
    assert {category.id for category in catalog.categories} == set(CategoryId)


def test_both_protocol_families_and_free_and_charged_services_are_present(
    catalog: Catalog,
) -> None:
    assert Counter(service.protocol.value for service in catalog.services).keys() == {
        "osmp",
        "rest",
        "imei",  # imei-registration, activated by imei-registry
    }
    free = [service for service in catalog.services if service.commission.is_free]
    assert 0 < len(free) < len(catalog.services)


def test_no_service_goes_above_the_payment_cap(catalog: Catalog) -> None:
    assert all(service.max_qepik <= PAYMENT_CAP_QEPIK for service in catalog.services)


def test_the_facts_from_the_domain_notes_hold(catalog: Catalog) -> None:
    azerisiq = catalog.service("azerisiq")
    smart_card = catalog.service("azeriqaz-smart-card")
    assert azerisiq is not None and smart_card is not None
    assert azerisiq.account.pattern == r"^\d{15}$"
    assert smart_card.min_qepik >= 100
    imei = catalog.service("imei-registration")
    assert imei is not None and (imei.min_qepik, imei.max_qepik) == (1500, 15000)
    assert imei.commission.is_free and not imei.lookup


def test_every_example_account_is_accepted_and_normalising_twice_changes_nothing(
    catalog: Catalog,
) -> None:
    for service in catalog.services:
        once = normalise_account(service.account, service.account.example, catalog.phone_plan)
        assert normalise_account(service.account, once, catalog.phone_plan) == once, service.id


def test_a_copy_of_the_packaged_file_loads_from_a_path(tmp_path: Path) -> None:
    copy = tmp_path / "services.toml"
    copy.write_text(PACKAGED.read_text(encoding="utf-8"), encoding="utf-8")
    assert len(load_catalog(copy).services) >= 50


def broken(old: str, new: str, count: int = 1) -> str:
    text = PACKAGED.read_text(encoding="utf-8")
    assert old in text, old
    return text.replace(old, new, count)


@pytest.mark.parametrize(
    ("text", "complaint"),
    [
        (broken('id = "bakcell"', 'id = "azercell"'), "ids repeated"),
        (broken('category = "tickets"', 'category = "lottery"'), "category"),
        (broken("pattern = '^\\d{15}$'", "pattern = '^\\d{15$('"), "does not compile"),
        (broken('example = "100200300400500"', 'example = "1002003004"'), "example account"),
        (broken("max_qepik = 5000", "max_qepik = 90000"), "over_cap_reason"),
        (broken("min_qepik = 1000", "min_qepik = 70000"), "above max"),
        (broken('account = "voen"', 'account = "tin"'), "no shared account field"),
        (
            broken('operator_prefixes = ["55", "99"]', 'operator_prefixes = ["55", "70"]'),
            "one known operator",
        ),
        (broken('normaliser = "digits_only"', 'normaliser = "mobile_number"'), "does not fit kind"),
        (broken("[[services]]", "[[services]"), "not valid TOML"),
        (broken("basis_points = 100", "basis_points = -5"), "greater than or equal"),
    ],
)
def test_a_broken_catalog_is_refused_with_the_reason(text: str, complaint: str) -> None:
    with pytest.raises(CatalogError, match=re.escape(complaint)):
        parse_catalog(text)


def test_a_refused_example_names_the_service() -> None:
    with pytest.raises(CatalogError, match="azerisiq"):
        parse_catalog(broken('example = "100200300400500"', 'example = "1"'))
