"""Everything support-desk tells a person reads in Azerbaijani, English and Russian: handler
refusals, the contact form's field errors, the categories, the permission refusals."""

from __future__ import annotations

import re

import pytest

from support_desk.adapters.categories import load_sla_table
from support_desk.domain.contact_form import ContactFormInvalidError, read_contact_form
from support_desk.domain.permissions import (
    PermissionRefusedError,
    Role,
    StaffMember,
    check_assignment,
)
from support_desk.domain.states import TicketState, TransitionRefusedError
from support_desk.entrypoints.problems import problem_for
from support_desk.handlers import errors
from support_desk.handlers.errors import DeskError

CYRILLIC = re.compile(r"[а-яё]", re.IGNORECASE)


def assert_russian(az: str, en: str, ru: str | None) -> None:
    assert az and en and ru, (az, en, ru)
    assert CYRILLIC.search(ru), f"not Russian: {ru}"


REFUSALS: list[DeskError] = [
    errors.TicketNotFoundError(),
    errors.TicketStateConflictError(
        TransitionRefusedError("tkt_x", TicketState.RESOLVED, TicketState.ASSIGNED)
    ),
    errors.TicketChangedError(),
    errors.NoCustomerToWriteError(),
    errors.UnknownSpecialistError("nigar"),
    errors.NotTheCustomerError(),
    errors.AttachmentTooLargeError(),
    errors.AttachmentNotAnImageError(),
    errors.TicketClosedError(),
    errors.TicketNotAnswerableError(),
    errors.TooManyRepliesError(50),
]


def test_every_refusal_is_listed_here() -> None:
    kinds = {cls for cls in vars(errors).values() if isinstance(cls, type)}
    listed = {type(error) for error in REFUSALS} | {errors.NotPermittedError}
    assert {k for k in kinds if issubclass(k, DeskError) and k is not DeskError} <= listed


@pytest.mark.parametrize("error", REFUSALS, ids=lambda error: error.code)
def test_every_refusal_answers_in_russian(error: DeskError) -> None:
    problem = problem_for(error)
    assert_russian(problem.az, problem.en, problem.ru)


def test_a_permission_refusal_answers_in_russian() -> None:
    specialist = StaffMember("aysel", Role.SPECIALIST)
    with pytest.raises(PermissionRefusedError) as refused:
        check_assignment(specialist, None, "rashad")  # type: ignore[arg-type]
    assert_russian(refused.value.az, refused.value.en, refused.value.ru)


@pytest.mark.parametrize(
    "form",
    [
        {},
        {"first_name": "R2-D2", "last_name": "x" * 60, "email": "a@@b", "subject": "!"},
        {"email": "a b@c.az", "payment_id": "123", "imeis": ["1", "2", "3"], "extra": "1"},
        {"email": "aysel@gmial.com", "imeis": ["12"], "category": "nope"},
        {"email": "aysel@", "message": "x" * 5001},
        {"email": ".aysel@mail.az"},
        {"email": "a\n@mail.az"},
    ],
)
def test_every_contact_form_field_error_reads_in_russian(form: dict[str, object]) -> None:
    with pytest.raises(ContactFormInvalidError) as invalid:
        read_contact_form(form, ("other", "payment_problem"))
    for error in invalid.value.errors:
        assert_russian(error.az, error.en, error.ru)


def test_every_category_is_named_in_russian() -> None:
    table = load_sla_table()
    for category_id in (*table.public_ids(), "reconciliation_mismatch"):
        category = table.get(category_id)
        assert_russian(category.az, category.en, category.ru)
