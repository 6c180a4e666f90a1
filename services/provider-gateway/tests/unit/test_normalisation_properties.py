"""Properties of account normalisation over many generated inputs."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from provider_gateway.domain.accounts import normalise_account
from provider_gateway.domain.catalog import Catalog
from provider_gateway.domain.refusals import AccountRefusedError

azercell_numbers = st.builds(
    lambda prefix, rest: prefix + rest,
    st.sampled_from(["50", "51", "10"]),
    st.text("0123456789", min_size=7, max_size=7),
)
separators = st.sampled_from(["", " ", "-", "  "])


def written(number: str, lead: str, separator: str) -> str:
    """The number as someone writes it: a lead, then groups 2-3-2-2 joined by a separator."""
    groups = [number[:2], number[2:5], number[5:7], number[7:]]
    return lead + separator.join(groups)


@given(
    azercell_numbers, st.sampled_from(["+994 ", "+994", "0", "", "00994", "(0", "994"]), separators
)
def test_every_way_of_writing_an_azercell_number_stores_its_nine_digits(
    catalog: Catalog, number: str, lead: str, separator: str
) -> None:
    service = catalog.service("azercell")
    assert service is not None
    typed = written(number, lead, separator).replace("(0" + number[:2], "(0" + number[:2] + ")")
    assert normalise_account(service.account, typed, catalog.phone_plan) == number


@given(st.sampled_from(range(52)), st.text(max_size=40))
def test_normalising_either_refuses_or_gives_a_fixed_point(
    catalog: Catalog, index: int, typed: str
) -> None:
    service = catalog.services[index % len(catalog.services)]
    try:
        once = normalise_account(service.account, typed, catalog.phone_plan)
    except AccountRefusedError as refused:
        assert refused.reason and refused.en and refused.az
        return
    assert normalise_account(service.account, once, catalog.phone_plan) == once
    assert 0 < len(once) <= 64
