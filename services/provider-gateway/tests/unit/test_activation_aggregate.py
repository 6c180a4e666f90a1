"""The activation's transitions: each one guarded, the outcome told once, the error saying where
the activation is and where the wanted state could have come from."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from contracts.events import ActivationFailed, ProviderActivated
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
        f"activation of {JOB.payment_id} is {end.value}; activated can only follow in_progress"
    )
    with pytest.raises(TransitionRefusedError, match=f"is {end.value}; in_progress can only"):
        finished.note_answer(Call.STATUS, Answer.PENDING, "late", NOW)


def test_terminal_states_are_exactly_those_nothing_leaves() -> None:
    for state in ActivationState:
        left_for = [other for other in ActivationState if state in other.allowed_from()]
        assert state.is_terminal() == (not left_for)
