"""What each kind of mismatch means, in the specialists' three languages, for the case's facts."""

from __future__ import annotations

from typing import Final, NamedTuple

from contracts.events import MismatchKind


class Words(NamedTuple):
    az: str
    en: str
    ru: str


KIND_WORDS: Final[dict[MismatchKind, Words]] = {
    MismatchKind.DEBITED_NOT_ACTIVATED: Words(
        "Pul kartdan silinib, xidmət aktivləşdirilməyib",
        "Money debited, service not activated",
        "Деньги списаны, услуга не активирована",
    ),
    MismatchKind.ACTIVATED_NOT_DEBITED: Words(
        "Xidmət aktivləşdirilib, pul kartdan silinməyib",
        "Service activated, money not debited",
        "Услуга активирована, деньги не списаны",
    ),
    MismatchKind.AMOUNT_DIFFERS: Words(
        "Provayder silinən məbləğdən fərqli məbləğ aktivləşdirib",
        "The provider activated another amount than was debited",
        "Провайдер активировал другую сумму, чем списано",
    ),
    MismatchKind.DOUBLE_ACTIVATION: Words(
        "Provayderdə iki dəfə aktivləşdirilib",
        "Activated twice at the provider",
        "Дважды активировано у провайдера",
    ),
    MismatchKind.BANK_ONLY: Words(
        "Yalnız bankın hesabatında var",
        "Only in the bank's settlement report",
        "Есть только в отчёте банка",
    ),
    MismatchKind.OURS_ONLY: Words(
        "Bizdə var, bankın hesabatında yoxdur",
        "Ours, missing from the bank's settlement report",
        "Есть у нас, нет в отчёте банка",
    ),
    MismatchKind.BANK_AMOUNT_DIFFERS: Words(
        "Bankın hesabatında məbləğ fərqlidir",
        "The bank's report shows another amount",
        "В отчёте банка другая сумма",
    ),
    MismatchKind.ACTIVATED_AFTER_REFUND: Words(
        "Xidmət aktivləşdirilib, pul isə geri qaytarılıb",
        "Service activated and the money refunded",
        "Услуга активирована, а деньги возвращены",
    ),
    MismatchKind.REFUND_NOT_CONFIRMED: Words(
        "Bank geri ödənişi vaxtında təsdiqləməyib",
        "The bank has not confirmed the refund in time",
        "Банк вовремя не подтвердил возврат",
    ),
    MismatchKind.DEBIT_AMOUNT_DIFFERS: Words(
        "Bank istədiyimizdən fərqli məbləğ silib",
        "The bank debited another amount than we asked",
        "Банк списал другую сумму, чем мы запросили",
    ),
    MismatchKind.DEBITED_TWICE: Words(
        "Kartdan iki dəfə pul silinib",
        "The card was debited twice",
        "С карты списано дважды",
    ),
    MismatchKind.PROVIDER_ONLY: Words(
        "Yalnız provayderin reyestrində var",
        "Only in the provider's registry",
        "Есть только в реестре провайдера",
    ),
    MismatchKind.OURS_ONLY_AT_PROVIDER: Words(
        "Bizdə aktivləşdirilib, provayderin reyestrində yoxdur",
        "Activated for us, missing from the provider's registry",
        "Активировано у нас, нет в реестре провайдера",
    ),
    MismatchKind.PROVIDER_AMOUNT_DIFFERS: Words(
        "Provayderin reyestrində məbləğ fərqlidir",
        "The provider's registry shows another amount",
        "В реестре провайдера другая сумма",
    ),
}
