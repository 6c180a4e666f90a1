"""Every kind of mismatch has its words in az/en/ru, and a case shows them with the reconciler's
note of what happened."""

from __future__ import annotations

from datetime import UTC, datetime

from contracts.events import MismatchDetected, MismatchKind
from contracts.ids import make_id
from contracts.money import Money
from support_desk.adapters.categories import load_sla_table
from support_desk.domain.cases import open_case_for_mismatch
from support_desk.domain.mismatch_words import KIND_WORDS

NOW = datetime(2026, 12, 3, 12, 0, tzinfo=UTC)


def test_every_kind_has_words_in_three_languages_and_no_two_kinds_share_them() -> None:
    assert set(KIND_WORDS) == set(MismatchKind)  # a new kind needs its words before it ships
    for language in ("az", "en", "ru"):
        texts = [getattr(words, language) for words in KIND_WORDS.values()]
        assert all(texts) and len(set(texts)) == len(texts), language


def test_a_case_for_a_new_kind_reads_in_three_languages_with_what_happened() -> None:
    detected = MismatchDetected(
        payment_id=make_id("pay", NOW, bytes(10)),
        kind=MismatchKind.REFUND_NOT_CONFIRMED,
        service_id="azeurotel",
        refunded=None,
        expected=Money(qepik=606),
        note="A refund was requested and the bank has not confirmed it.",
        detected_at=NOW,
    )

    case = open_case_for_mismatch(
        detected, load_sla_table().get("reconciliation_mismatch"), NOW, "http://portal"
    )

    facts = dict(case.facts)
    assert facts["kind_az"] == "Bank geri ödənişi vaxtında təsdiqləməyib"
    assert facts["kind_en"] == "The bank has not confirmed the refund in time"
    assert facts["kind_ru"] == "Банк вовремя не подтвердил возврат"
    assert facts["expected"] == "6.06 AZN"
    assert facts["what_happened"].startswith("A refund was requested")
