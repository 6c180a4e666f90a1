"""The activation's transitions: each one guarded, the outcome told once, the error saying where
the activation is and where the wanted state could have come from."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from contracts.events import ActivationFailed, ActivationUnknown, ProviderActivated
from provider_gateway.domain.activation import Activation, open_activation, refused_at_once
from provider_gateway.domain.calls import Answer, Call
from provider_gateway.domain.outcomes import ActivationJob, ActivationResult, failed_result
from provider_gateway.domain.states import ActivationState, TransitionRefusedError

NOW = datetime(2025, 6, 1, 9, 0, tzinfo=UTC)
JOB = ActivationJob(
    "pay_01jz3k7m2x9q8r5t4v6w0y1z2a", "azercell", "501234567", 1050, NOW + timedelta(minutes=5)
)
ACTIVATED = ActivationResult(ActivationState.ACTIVATED, "0", "OK", 1000, "PRV-100001")


def opened() -> Activation:
    return open_activation(JOB, NOW)


def test_an_opened_activation_is_in_progress_with_nothing_to_tell() -> None:
    activation = opened()
    assert activation.state is ActivationState.IN_PROGRESS
    assert activation.pending_events == ()
    assert activation.resumed_job().first_call is Call.STATUS


def test_answers_are_noted_while_in_progress() -> None:
    noted = opened().note_answer(Call.PAY, Answer.PENDING, "pay: pending 90", NOW)
    noted = noted.note_answer(Call.STATUS, Answer.UNAVAILABLE, "status: unavailable", NOW)
    assert (noted.calls, noted.last_call, noted.last_state) == (2, Call.STATUS, Answer.UNAVAILABLE)
    assert noted.state is ActivationState.IN_PROGRESS and noted.pending_events == ()


def test_activation_tells_what_the_provider_confirmed() -> None:
    activated = opened().finish(ACTIVATED, NOW)
    assert activated.state is ActivationState.ACTIVATED
    (event,) = activated.pending_events
    assert isinstance(event, ProviderActivated)
    assert (event.amount.qepik, event.provider_transaction_id) == (1000, "PRV-100001")


def test_failure_tells_the_providers_code_and_reason() -> None:
    failed = opened().finish(failed_result(JOB, "7", "payment forbidden"), NOW)
    (event,) = failed.pending_events
    assert isinstance(event, ActivationFailed)
    assert (event.provider_code, event.reason) == ("7", "payment forbidden")


def test_an_unknown_service_fails_at_once() -> None:
    refused = refused_at_once(JOB, failed_result(JOB, "unknown_service", "not sold"), NOW)
    assert refused.state is ActivationState.FAILED
    assert [type(event) for event in refused.pending_events] == [ActivationFailed]


@pytest.mark.parametrize("end", [ActivationState.ACTIVATED, ActivationState.FAILED])
def test_a_finished_activation_never_changes_and_says_why(end: ActivationState) -> None:
    outcome = ACTIVATED if end is ActivationState.ACTIVATED else failed_result(JOB, "7", "no")
    finished = opened().finish(outcome, NOW)
    with pytest.raises(TransitionRefusedError) as refused:
        finished.finish(ACTIVATED, NOW)
    assert str(refused.value) == (
        f"activation of {JOB.payment_id} is {end.value}; "
        "activated can only follow in_progress, unknown"
    )
    with pytest.raises(TransitionRefusedError, match=f"is {end.value}; in_progress can only"):
        finished.note_answer(Call.STATUS, Answer.PENDING, "late", NOW)
    with pytest.raises(TransitionRefusedError, match=f"is {end.value}; unknown can only follow"):
        finished.become_unknown("status: pending", NOW, NOW)


def unknown() -> Activation:
    noted = opened().note_answer(Call.STATUS, Answer.PENDING, "status: pending 90", NOW)
    return noted.become_unknown("status: pending 90", NOW + timedelta(minutes=1), NOW)


def test_the_deadline_without_a_final_answer_makes_it_unknown_and_says_when_it_asks_again() -> None:
    activation = unknown()
    assert activation.state is ActivationState.UNKNOWN and not activation.state.is_terminal()
    (event,) = activation.pending_events
    assert isinstance(event, ActivationUnknown)
    assert event.last_answer == "status: pending 90"
    assert event.next_check_at == NOW + timedelta(minutes=1) == activation.next_check_at
    assert (event.payment_id, event.service_id, event.unknown_since) == (
        JOB.payment_id,
        "azercell",
        NOW,
    )


def test_an_unknown_activation_is_told_unknown_once() -> None:
    with pytest.raises(TransitionRefusedError) as refused:
        replace(unknown(), pending_events=()).become_unknown("again", NOW, NOW)
    assert str(refused.value).endswith("is unknown; unknown can only follow in_progress")


def test_a_check_that_does_not_tell_counts_and_sets_the_next_one_without_telling_anyone() -> None:
    later = NOW + timedelta(minutes=1)
    checked = replace(unknown(), pending_events=()).checked_again(
        Answer.UNAVAILABLE, "status: unavailable", later + timedelta(minutes=5), later
    )
    assert (checked.state, checked.checks, checked.calls) == (ActivationState.UNKNOWN, 1, 2)
    assert checked.next_check_at == later + timedelta(minutes=5)
    assert checked.last_answer == "status: unavailable" and checked.pending_events == ()
    assert not checked.waits_for_a_person
    last = checked.checked_again(Answer.PENDING, "status: pending 90", None, later)
    assert last.waits_for_a_person and last.state is ActivationState.UNKNOWN


def test_checks_only_follow_an_unknown_outcome() -> None:
    with pytest.raises(TransitionRefusedError) as refused:
        opened().checked_again(Answer.PENDING, "status: pending", NOW, NOW)
    assert str(refused.value).endswith("is in_progress; unknown can only follow unknown")
    with pytest.raises(TransitionRefusedError, match="is unknown; in_progress can only follow"):
        unknown().note_answer(Call.PAY, Answer.PENDING, "pay: pending", NOW)


@pytest.mark.parametrize(
    ("outcome", "told"),
    [(ACTIVATED, ProviderActivated), (failed_result(JOB, "7", "refused"), ActivationFailed)],
)
def test_an_unknown_outcome_ends_when_the_provider_tells(
    outcome: ActivationResult, told: type[object]
) -> None:
    ended = replace(unknown(), pending_events=()).finish(outcome, NOW + timedelta(hours=2))
    assert ended.state is outcome.state and ended.next_check_at is None
    assert [type(event) for event in ended.pending_events] == [told]


def test_terminal_states_are_exactly_those_nothing_leaves() -> None:
    for state in ActivationState:
        left_for = [other for other in ActivationState if state in other.allowed_from()]
        assert state.is_terminal() == (not left_for)


def test_an_unknown_result_is_not_an_outcome() -> None:
    unknown_result = ActivationResult(ActivationState.UNKNOWN, "unknown", "no answer", 1050)
    with pytest.raises(ValueError, match="not an outcome"):
        opened().finish(unknown_result, NOW)
