"""TAC → model from the shipped data, and the single/duos choice checked against the model."""

from __future__ import annotations

import pytest

from imei_registry.adapters.data import load_directory
from imei_registry.domain.device_check import DeviceProblem, DeviceRefusedError, identify_device
from imei_registry.domain.devices import DeviceType, TacDirectory, TypeCheck
from imei_registry.domain.fees import PriceBand

from .imeis import IPHONE_3G, NOKIA_105, REDMI_NOTE_13, UNKNOWN_TAC, imei


def test_the_shipped_data_loads_and_marks_what_is_synthetic(directory: TacDirectory) -> None:
    models = {model.tac: model for model in directory}
    assert len(models) >= 10
    assert not models[IPHONE_3G].synthetic  # from the Osmocom extract
    assert models[REDMI_NOTE_13].synthetic
    assert all(model.synthetic for tac, model in models.items() if tac.startswith("00"))
    assert {model.sim_slots for model in models.values()} == {1, 2}
    assert {model.band for model in models.values()} >= {PriceBand.BASIC, PriceBand.OVER_1000}


def test_the_attribution_lives_next_to_the_tac_extract() -> None:
    from importlib import resources

    data = resources.files("imei_registry").joinpath("data")
    attribution = data.joinpath("ATTRIBUTION.md").read_text(encoding="utf-8")
    assert "CC BY-SA 3.0" in attribution and "Harald Welte" in attribution
    assert "CC-BY-SA 3.0" in data.joinpath("tacdb.csv").read_text(encoding="utf-8").splitlines()[0]
    rows = data.joinpath("tacdb.csv").read_text(encoding="utf-8").splitlines()[2:]
    extracted = {row.split(",", 1)[0] for row in rows if row}
    # Every TAC of the attributed extract is one the service knows, and marked as not synthetic.
    known = {model.tac: model for model in load_directory()}
    assert extracted and extracted <= set(known)
    assert not any(known[tac].synthetic for tac in extracted)


def test_the_model_comes_from_the_tac(directory: TacDirectory) -> None:
    found = directory.model_of([imei(REDMI_NOTE_13, 1)])
    assert found is not None and found.name == "Xiaomi Redmi Note 13" and found.sim_slots == 2
    assert directory.model_of([imei(UNKNOWN_TAC, 1)]) is None
    second = directory.model_of([imei(UNKNOWN_TAC, 1), imei(REDMI_NOTE_13, 2)])
    assert second is not None and second.tac == REDMI_NOTE_13


@pytest.mark.parametrize(
    ("chosen", "imeis", "expected"),
    [
        (DeviceType.SINGLE, [imei(IPHONE_3G, 1)], TypeCheck.MATCHES),
        (DeviceType.DUOS, [imei(REDMI_NOTE_13, 1), imei(REDMI_NOTE_13, 2)], TypeCheck.MATCHES),
        (DeviceType.DUOS, [imei(IPHONE_3G, 1), imei(IPHONE_3G, 2)], TypeCheck.MISMATCH),
        (DeviceType.SINGLE, [imei(REDMI_NOTE_13, 1)], TypeCheck.MISMATCH),
        (DeviceType.SINGLE, [imei(UNKNOWN_TAC, 1)], TypeCheck.MODEL_UNKNOWN),
    ],
)
def test_the_chosen_type_is_checked_against_the_sim_slots(
    directory: TacDirectory, chosen: DeviceType, imeis: list[str], expected: TypeCheck
) -> None:
    assert identify_device(chosen, imeis, directory).type_check is expected


def refused(directory: TacDirectory, chosen: DeviceType, imeis: list[str]) -> DeviceRefusedError:
    with pytest.raises(DeviceRefusedError) as caught:
        identify_device(chosen, imeis, directory)
    return caught.value


def test_a_duos_needs_two_different_valid_imeis(directory: TacDirectory) -> None:
    one = imei(REDMI_NOTE_13, 1)
    assert refused(directory, DeviceType.DUOS, [one]).problem is DeviceProblem.IMEI_COUNT
    assert refused(directory, DeviceType.DUOS, [one, one]).problem is DeviceProblem.SAME_IMEI_TWICE
    invalid = refused(directory, DeviceType.DUOS, [one, one[:-1] + "x"])
    assert invalid.problem is DeviceProblem.INVALID_IMEI
    assert [error["field"] for error in invalid.details["errors"]] == ["imeis.1"]
    too_many = refused(directory, DeviceType.SINGLE, [one, imei(REDMI_NOTE_13, 2)])
    assert "choose Duos" in too_many.explanation.en


def test_every_invalid_imei_of_a_duos_is_named(directory: TacDirectory) -> None:
    error = refused(directory, DeviceType.DUOS, ["123", "1111111111111111"])
    problems = [(item["field"], item["problem"]) for item in error.details["errors"]]
    assert problems == [("imeis.0", "wrong_length"), ("imeis.1", "repeated_digit")]


def test_two_tacs_in_one_duos_get_a_warning_not_a_refusal(directory: TacDirectory) -> None:
    device = identify_device(
        DeviceType.DUOS, [imei(REDMI_NOTE_13, 1), imei(NOKIA_105, 2)], directory
    )
    assert [notice.code for notice in device.notices] == ["different_tacs"]
    assert REDMI_NOTE_13 in device.notices[0].message.en


def test_an_unknown_model_is_told_why_its_fee_and_type_are_not_checked(
    directory: TacDirectory,
) -> None:
    device = identify_device(DeviceType.SINGLE, [imei(UNKNOWN_TAC, 3)], directory)
    assert device.model is None
    assert [notice.code for notice in device.notices] == ["model_not_in_catalogue"]


def test_a_directory_refuses_contradicting_data() -> None:
    from imei_registry.domain.devices import DeviceModel

    model = DeviceModel("12345678", "A", "B", 1, PriceBand.BASIC, True)
    with pytest.raises(ValueError, match="twice"):
        TacDirectory([model, model])
    with pytest.raises(ValueError, match="SIM slots"):
        TacDirectory([DeviceModel("12345678", "A", "B", 3, PriceBand.BASIC, True)])
