"""Customers find a service however they type its name."""

from __future__ import annotations

import pytest

from provider_gateway.domain.catalog import Catalog, CategoryId
from provider_gateway.domain.search import ServiceSearch
from provider_gateway.domain.text import fold


def ids(catalog: Catalog, query: str, category: CategoryId | None = None) -> list[str]:
    return [service.id for service in ServiceSearch(catalog).find(query, category)]


@pytest.mark.parametrize("query", ["azerisiq", "Azərişıq", "AZƏRİŞIQ", "azarisiq", "azeri̇şiq "])
def test_azerishiq_is_found_with_or_without_azerbaijani_letters(
    catalog: Catalog, query: str
) -> None:
    assert ids(catalog, query)[0] == "azerisiq"


def test_folding_maps_each_azerbaijani_letter() -> None:
    assert fold("Ə ı Ş Ç Ğ Ö Ü İ") == "e i s c g o u i"


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Азеришыг", "azerisiq"),  # the Russian name
        ("electricity", "azerisiq"),  # the English name
        ("simsim", "azercell"),  # a keyword
        ("aile tv", "aile-tv"),  # two words, in any order of typing
        ("ailə", "aile-net"),
    ],
)
def test_names_in_every_language_and_keywords_are_searched(
    catalog: Catalog, query: str, expected: str
) -> None:
    assert expected in ids(catalog, query)


def test_a_name_starting_with_the_query_comes_first(catalog: Catalog) -> None:
    # Bank Respublika is last in the catalog, but the only name that starts with "bank".
    assert ids(catalog, "bank")[0] == "bank-respublika-loan"
    assert len(ids(catalog, "bank")) == 4


def test_the_category_filter_and_an_empty_query(catalog: Catalog) -> None:
    assert ids(catalog, "", CategoryId.MOBILE) == [
        "azercell",
        "azercell-postpaid",
        "bakcell",
        "nar",
    ]
    assert len(ids(catalog, "")) == len(catalog.services)
    assert ids(catalog, "azercell", CategoryId.UTILITIES) == []


def test_nothing_is_found_for_a_name_nobody_has(catalog: Catalog) -> None:
    assert ids(catalog, "zzqx") == []
