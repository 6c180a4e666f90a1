"""Every point of the FAQ's "I cannot pay with my bank card" that fits the bank's reason for a
decline, in Azerbaijani, English and Russian (/faq?q=card has the full answer)."""

from __future__ import annotations

from enum import StrEnum
from typing import Final, assert_never

from contracts.events import DeclineReason

FAQ_URL: Final = "/faq?q=card#card"


class AdvicePoint(StrEnum):
    BALANCE = "balance"
    BANK_PROBLEM_DESPITE_MONEY = "bank_problem_despite_money"
    BANK_PROBLEM = "bank_problem"
    TIME_LIMIT = "time_limit"
    EXPIRED_CARD = "expired_card"
    CONFIRMATION_CODE = "confirmation_code"


WORDS: Final[dict[AdvicePoint, dict[str, str]]] = {
    AdvicePoint.BALANCE: {
        "az": "Kartınızın balansında kifayət qədər vəsait olduğundan əmin olun.",
        "en": "Make sure the balance of your card holds enough money.",
        "ru": "Убедитесь, что на балансе карты достаточно средств.",
    },
    AdvicePoint.BANK_PROBLEM_DESPITE_MONEY: {
        "az": "Kartınızda yetərli vəsait var, lakin ödəniş yenə də keçmirsə, bankınızda problem ola "
        "bilər: bir az sonra yenidən cəhd edin, bankınızla əlaqə saxlayın və ya başqa kartdan "
        "istifadə edin.",
        "en": "If there is enough money on the card but the payment still fails, your bank may have "
        "a problem: try again a little later, contact your bank, or use another card.",
        "ru": "Если средств на карте достаточно, а платёж всё равно не проходит, возможно, проблема "
        "на стороне вашего банка: попробуйте чуть позже, свяжитесь с банком или используйте "
        "другую карту.",
    },
    AdvicePoint.BANK_PROBLEM: {
        "az": "Bankınızda problem ola bilər: bir az sonra yenidən cəhd edin, bankınızla əlaqə "
        "saxlayın və ya başqa kartdan istifadə edin.",
        "en": "Your bank may have a problem: try again a little later, contact your bank, or use "
        "another card.",
        "ru": "Возможно, проблема на стороне вашего банка: попробуйте чуть позже, свяжитесь с "
        "банком или используйте другую карту.",
    },
    AdvicePoint.TIME_LIMIT: {
        "az": "Ödəniş səhifəsində əməliyyatı tamamlamaq üçün vaxt məhdudiyyəti var; vaxt keçdikdə "
        "ödəniş uğursuz ola bilər. Belə olduqda yenidən cəhd edin.",
        "en": "The payment page has a time limit for completing the payment; when it runs out, "
        "the payment can fail. In that case, try again.",
        "ru": "У страницы оплаты есть ограничение по времени; когда оно истекает, платёж может не "
        "пройти. В этом случае попробуйте снова.",
    },
    AdvicePoint.EXPIRED_CARD: {
        "az": "Kartın müddəti bitib. Başqa kartdan istifadə edin.",
        "en": "The card has expired. Please use another card.",
        "ru": "Срок действия карты истёк. Используйте другую карту.",
    },
    AdvicePoint.CONFIRMATION_CODE: {
        "az": "Yenidən cəhd edin və bankınızın göndərdiyi təsdiq kodunu daxil edin.",
        "en": "Try again and enter the confirmation code your bank sends you.",
        "ru": "Попробуйте снова и введите код подтверждения, который пришлёт ваш банк.",
    },
}


def points_for(reason: DeclineReason) -> tuple[AdvicePoint, ...]:
    """The FAQ's points in its order; an unknown reason gets all of them but the card-specific."""
    match reason:
        case DeclineReason.INSUFFICIENT_FUNDS | DeclineReason.OTHER:
            return (
                AdvicePoint.BALANCE,
                AdvicePoint.BANK_PROBLEM_DESPITE_MONEY,
                AdvicePoint.TIME_LIMIT,
            )
        case DeclineReason.DO_NOT_HONOUR:
            return (AdvicePoint.BANK_PROBLEM, AdvicePoint.TIME_LIMIT)
        case DeclineReason.EXPIRED_CARD:
            return (AdvicePoint.EXPIRED_CARD,)
        case DeclineReason.THREE_DS_FAILED:
            return (AdvicePoint.CONFIRMATION_CODE, AdvicePoint.BANK_PROBLEM, AdvicePoint.TIME_LIMIT)
        case unreachable:
            assert_never(unreachable)


def decline_advice(reason: DeclineReason) -> list[dict[str, str]]:
    """What the result page lists: each point's code and its words."""
    return [{"point": point.value, **WORDS[point]} for point in points_for(reason)]
