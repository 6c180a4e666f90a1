"""What the customer reads: each step of a payment in plain words, and what to do next (the FAQ's advice)."""

from __future__ import annotations

from typing import Final

from checkout.domain.payment import Payment
from checkout.domain.states import PaymentState
from contracts.events import DeclineReason

Text = dict[str, str]

STEP_TEXTS: Final[dict[str, Text]] = {
    "created": {"az": "Ödəniş yaradıldı.", "en": "The payment was created."},
    "card_debited": {"az": "Məbləğ kartdan tutuldu.", "en": "The money was taken from the card."},
    DeclineReason.INSUFFICIENT_FUNDS: {
        "az": "Bank ödənişi rədd etdi: kartda kifayət qədər vəsait yoxdur.",
        "en": "The bank declined the payment: not enough money on the card.",
    },
    DeclineReason.DO_NOT_HONOUR: {
        "az": "Bank ödənişi rədd etdi.",
        "en": "The bank declined the payment.",
    },
    DeclineReason.EXPIRED_CARD: {
        "az": "Bank ödənişi rədd etdi: kartın müddəti bitib.",
        "en": "The bank declined the payment: the card has expired.",
    },
    DeclineReason.THREE_DS_FAILED: {
        "az": "3-D Secure təsdiqi alınmadı.",
        "en": "The 3-D Secure confirmation did not pass.",
    },
    DeclineReason.OTHER: {"az": "Bank ödənişi rədd etdi.", "en": "The bank declined the payment."},
    "card_page_timed_out": {
        "az": "Ödəniş səhifəsinin vaxtı bitdi; kartdan pul tutulmadı.",
        "en": "The payment page timed out; no money was taken.",
    },
    "provider_activated": {"az": "Xidmət aktivləşdirildi.", "en": "The service was activated."},
    "activation_failed": {
        "az": "Təchizatçı xidməti aktivləşdirə bilmədi.",
        "en": "The provider could not activate the service.",
    },
    "refunded": {"az": "Pul karta qaytarıldı.", "en": "The money was returned to the card."},
}

_NEXT_BY_DECLINE: Final[dict[DeclineReason, Text]] = {
    DeclineReason.INSUFFICIENT_FUNDS: {
        "az": "Kartın balansında kifayət qədər vəsait olduğuna əmin olun və yenidən cəhd edin.",
        "en": "Make sure the card's balance holds enough money, then try again.",
    },
    DeclineReason.DO_NOT_HONOUR: {
        "az": "Bankınızda problem ola bilər. Bir az sonra yenidən cəhd edin, bankınızla əlaqə saxlayın "
        "və ya başqa kartdan istifadə edin.",
        "en": "Your bank may have a problem. Try again a little later, contact your bank, or use "
        "another card.",
    },
    DeclineReason.EXPIRED_CARD: {
        "az": "Kartın müddəti bitib. Başqa kartdan istifadə edin.",
        "en": "The card has expired. Please use another card.",
    },
    DeclineReason.THREE_DS_FAILED: {
        "az": "Yenidən cəhd edin və bankınızın göndərdiyi təsdiq kodunu daxil edin.",
        "en": "Try again and enter the confirmation code your bank sends you.",
    },
    DeclineReason.OTHER: {
        "az": "Bir az sonra yenidən cəhd edin, bankınızla əlaqə saxlayın və ya başqa kartdan istifadə edin.",
        "en": "Try again a little later, contact your bank, or use another card.",
    },
}

_NEXT_BY_STATE: Final[dict[PaymentState, Text]] = {
    PaymentState.INITIATED: {
        "az": "Ödənişi bankın səhifəsində vaxt bitməmiş tamamlayın.",
        "en": "Complete the payment on the bank's page before its time runs out.",
    },
    PaymentState.DEBITED: {
        "az": "Pul tutulub; xidməti təchizatçıda aktivləşdiririk. Heç nə etməyinizə ehtiyac yoxdur: "
        "aktivləşmə olmasa, müraciət özü açılır və xidmət ya aktivləşdirilir, ya da pul qaytarılır.",
        "en": "The money was taken; we are activating the service with the provider. You need do "
        "nothing: if it is not activated, a case opens by itself and ends in activation or a refund.",
    },
    PaymentState.EXPIRED: {
        "az": "Ödəniş səhifəsinin vaxt limiti var və o bitdi. Kartdan pul tutulmayıb. Yenidən cəhd edin.",
        "en": "The payment page has a time limit and it ran out. No money was taken. Please try again.",
    },
    PaymentState.COMPLETED: {
        "az": "Xidmət aktivdir. Qəbz hazırdır.",
        "en": "The service is active. Your receipt is ready.",
    },
    PaymentState.REFUND_PENDING: {
        "az": "Təchizatçı xidməti aktivləşdirə bilmədi; pulu kartınıza qaytarırıq.",
        "en": "The provider could not activate the service; we are returning the money to your card.",
    },
    PaymentState.REFUNDED: {
        "az": "Pul kartınıza qaytarıldı. Bankınızdan asılı olaraq görünməsi bir neçə gün çəkə bilər.",
        "en": "The money was returned to your card. Depending on your bank it may take a few days to show.",
    },
}


def step_text(reason: str) -> Text:
    return STEP_TEXTS.get(reason, {"az": reason, "en": reason})


def next_step(payment: Payment) -> Text:
    if payment.state is PaymentState.DECLINED:
        return _NEXT_BY_DECLINE[payment.decline_reason or DeclineReason.OTHER]
    return _NEXT_BY_STATE[payment.state]
