"""An automatic case tells its customer, in the language they paid in: once when it opens (what
we noticed, that they need not write, what happens next and by when) and, when it settles itself,
how it ended. Copies of a detection tell nothing; a case without an e-mail tells nobody."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from contracts.events import MismatchCleared, MismatchDetected
from contracts.events import MismatchKind as Kind
from contracts.ids import make_id
from contracts.money import Money
from support_desk.adapters.categories import load_sla_table
from support_desk.domain.cases import detected_again, open_case_for_mismatch
from support_desk.domain.clearing import clear_case
from support_desk.domain.ticket import Ticket

NOW = datetime(2026, 11, 26, 20, 0, tzinfo=UTC)  # midnight in Baku
PAYMENT = make_id("pay", NOW, bytes(range(10)))
CATEGORY = load_sla_table().get("reconciliation_mismatch")  # 24 hours
URL = "https://portal.example"


def detection(
    kind: Kind = Kind.DEBITED_NOT_ACTIVATED,
    language: str | None = "ru",
    email: str | None = "a@b.az",
) -> MismatchDetected:
    return MismatchDetected.model_validate(
        {
            "payment_id": PAYMENT,
            "kind": kind,
            "service_id": "bakcell",
            "account": "559876543",
            "debited": Money(qepik=800),
            "expected": Money(qepik=808),
            "customer_email": email,
            "language": language,
            "detected_at": NOW,
        }
    )


def cleared(kind: Kind = Kind.DEBITED_NOT_ACTIVATED, **how: object) -> MismatchCleared:
    return MismatchCleared.model_validate(
        {"payment_id": PAYMENT, "kind": kind, "cleared_at": NOW, **how}
    )


def opened(**given: object) -> Ticket:
    return open_case_for_mismatch(detection(**given), CATEGORY, NOW, URL)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("az", ("problem gördük", "yazmağınıza ehtiyac yoxdur", "pul kartdan silinib", "Bakı")),
        ("en", ("We noticed a problem", "You need not write", "money debited", "Baku time")),
        ("ru", ("Мы заметили проблему", "Писать нам не нужно", "деньги списаны", "бакинскому")),
    ],
)
def test_the_opening_letter_speaks_only_the_customers_language(
    language: str, words: tuple[str, ...]
) -> None:
    case = opened(language=language)
    (letter,) = case.letters_due
    assert letter.to == "a@b.az" and PAYMENT in letter.subject
    for word in words:
        assert word in letter.text, word
    for fact in (case.id, "bakcell", "559876543", "8.08 AZN", f"{URL}/ticket?id={case.id}"):
        assert fact in letter.text, fact
    assert "2026-11-28 00:00" in letter.text  # due in 24 hours, told in Baku time
    other_greetings = {"az": "Hörmətli", "en": "Dear customer", "ru": "Уважаемый"}
    del other_greetings[language]
    assert not any(greeting in letter.text for greeting in other_greetings.values())


def test_no_email_no_letter_and_an_unknown_language_falls_back_to_azerbaijani() -> None:
    assert opened(email=None).letters_due == ()
    (letter,) = opened(language=None).letters_due
    assert "Hörmətli müştəri" in letter.text


def test_a_copy_of_the_detection_tells_nothing_more() -> None:
    case = opened()
    again = detected_again(case.letter_sent(case.letters_due[0].id), detection(), "evt_x", NOW)
    assert again.letters_due == ()


def test_a_case_for_a_person_says_a_specialist_settles_it() -> None:
    (letter,) = opened(kind=Kind.DOUBLE_ACTIVATION, language="en").letters_due
    assert (
        "a specialist is checking" in letter.text and "write to you how it ended" not in letter.text
    )


def test_activated_the_closing_letter_gives_the_providers_reference() -> None:
    case = opened(language="ru")
    case = case.letter_sent(case.letters_due[0].id)
    closed = clear_case(
        case, cleared(cleared_by="provider-activated", provider_transaction_id="PRV-9"), NOW, URL
    )
    (letter,) = closed.letters_due
    assert "Услуга по вашему платежу" in letter.text and "PRV-9" in letter.text
    assert clear_case(closed, cleared(cleared_by="provider-activated"), NOW, URL) == closed


def test_refunded_the_closing_letter_gives_the_banks_reference_and_when() -> None:
    case = opened(kind=Kind.REFUND_NOT_CONFIRMED, language="en")
    assert "bank returns the money" in case.letters_due[0].text
    how = {
        "cleared_by": "payment-refunded",
        "bank_refund_reference": "RF-1",
        "refunded": Money(qepik=808),
        "refunded_at": NOW,
    }
    closed = clear_case(case, cleared(Kind.REFUND_NOT_CONFIRMED, **how), NOW, URL)
    closing = closed.letters_due[-1]
    assert closing.id.endswith("case-closed") and len(closed.letters_due) == 2
    for fact in ("RF-1", "8.08 AZN", "2026-11-27 00:00", "1–3 banking days", "10 banking days"):
        assert fact in closing.text, fact


@pytest.mark.parametrize("language", ["az", "en", "ru"])
def test_no_placeholder_is_left_unfilled(language: str) -> None:
    case = opened(language=language)
    done = clear_case(case, cleared(cleared_by="card-debited"), NOW, URL)
    assert all("{" not in letter.text and "}" not in letter.html for letter in done.letters_due)
