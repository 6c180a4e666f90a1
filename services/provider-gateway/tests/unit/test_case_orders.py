"""A person's orders on an unknown activation: a retry goes back in progress (asking `status`
first, same transaction id); a confirmation by hand is the outcome, told as such."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from contracts.events import ProviderActivated
from provider_gateway.domain.activation import Activation, open_activation
from provider_gateway.domain.calls import Answer, Call
from provider_gateway.domain.outcomes import ActivationJob
from provider_gateway.domain.states import ActivationState, TransitionRefusedError

NOW = datetime(2026, 12, 3, 12, 0, tzinfo=UTC)
JOB = ActivationJob(
    "pay_01jz3k7m2x9q8r5t4v6w0y1z2a", "azercell", "501234567", 1050, NOW + timedelta(minutes=5)
)


def waiting_for_a_person() -> Activation:
    unknown = open_activation(JOB, NOW).become_unknown("pending", NOW, NOW)
    checked = unknown.checked_again(Answer.UNAVAILABLE, "no answer", None, NOW)
    return replace(checked, pending_events=())


def test_a_retry_goes_back_in_progress_asking_status_first() -> None:
    later = NOW + timedelta(hours=3)
    retried = waiting_for_a_person().retry(later + timedelta(seconds=20))
    assert retried.state is ActivationState.IN_PROGRESS and retried.pending_events == ()
    job = retried.resumed_job()
    assert (job.payment_id, job.first_call) == (JOB.payment_id, Call.STATUS)
    assert job.deadline_at == later + timedelta(seconds=20)


def test_only_an_unknown_outcome_is_retried_or_confirmed() -> None:
    running = open_activation(JOB, NOW)
    with pytest.raises(TransitionRefusedError):
        running.retry(NOW)
    with pytest.raises(TransitionRefusedError):
        running.confirm_by_hand("PRV-9", "leyla: phoned", NOW)


def test_a_confirmation_by_hand_is_told_with_the_providers_reference_and_who() -> None:
    confirmed = waiting_for_a_person().confirm_by_hand("PRV-9", "leyla: phoned", NOW)
    assert confirmed.state is ActivationState.ACTIVATED
    (event,) = confirmed.pending_events
    assert isinstance(event, ProviderActivated)
    assert (event.provider_transaction_id, event.amount.qepik) == ("PRV-9", 1050)
    assert event.confirmed_by_hand == "leyla: phoned"
