"""The words of an automatic case's letters, one language each (the one the customer paid in)."""

from __future__ import annotations

from typing import Final, NamedTuple


class CaseWords(NamedTuple):
    opened_subject: str
    opened: str  # we noticed, you need not write, the ticket and where to follow it
    will_settle: str  # what happens next, for a case that settles itself
    refund_waits: str  # what happens next, for a refund the bank has not confirmed
    specialist: str  # what happens next, for a case a person must settle
    closed_subject: str
    activated: str
    refunded: str
    paid: str
    settled: str
    follow: str


WORDS: Final[dict[str, CaseWords]] = {
    "az": CaseWords(
        opened_subject="Ödənişinizdə problem gördük: {payment}",
        opened="Hörmətli müştəri,\n\n{payment} nömrəli ödənişinizdə ({service}, hesab {account}, "
        "{amount}) problem gördük: {what}.\n\nBizə yazmağınıza ehtiyac yoxdur: bunun üçün "
        "{ticket} nömrəli müraciəti özümüz açmışıq.",
        will_settle="Bundan sonra: xidmətin aktivləşdirilməsini, alınmasa pulun kartınıza "
        "qaytarılmasını təmin edirik. Nəticəni sizə yazacağıq, ən gec {due} (Bakı vaxtı).",
        refund_waits="Bundan sonra: bankın pulu kartınıza qaytarmasını təmin edirik. Nəticəni "
        "sizə yazacağıq, ən gec {due} (Bakı vaxtı).",
        specialist="Bundan sonra: mütəxəssisimiz ödənişi yoxlayır və ən gec {due} (Bakı vaxtı) "
        "məsələni həll edəcək.",
        closed_subject="Ödənişinizdəki problem həll olundu: {payment}",
        activated="Hörmətli müştəri,\n\n{payment} nömrəli ödənişiniz üzrə xidmət aktivləşdirildi. "
        "Provayderin arayışı: {reference}.",
        refunded="Hörmətli müştəri,\n\n{payment} nömrəli ödənişin {amount} məbləği {at} "
        "(Bakı vaxtı) kartınıza geri qaytarıldı. Bankın geri ödəniş arayışı: {reference}.\n\n"
        "Pul adətən 1–3 bank günü ərzində, bəzi banklarda 10 bank gününədək kartınızda görünür.",
        paid="Hörmətli müştəri,\n\n{payment} nömrəli ödəniş tamamlandı: pul kartdan silindi, "
        "xidmət aktivdir.",
        settled="Hörmətli müştəri,\n\n{payment} nömrəli ödənişinizdəki problem həll olundu.",
        follow="Müraciət {ticket}: {link} (nömrə və bu e-poçt ünvanı ilə).\n\nSmartPay",
    ),
    "en": CaseWords(
        opened_subject="We noticed a problem with your payment {payment}",
        opened="Dear customer,\n\nWe noticed a problem with your payment {payment} ({service}, "
        "account {account}, {amount}): {what}.\n\nYou need not write to us: we opened case "
        "{ticket} for it ourselves.",
        will_settle="What happens next: we make sure the service is activated or, if it cannot "
        "be, that the money goes back to your card. We will write to you how it ended by "
        "{due} (Baku time) at the latest.",
        refund_waits="What happens next: we make sure the bank returns the money to your card. "
        "We will write to you how it ended by {due} (Baku time) at the latest.",
        specialist="What happens next: a specialist is checking the payment and will settle it "
        "by {due} (Baku time) at the latest.",
        closed_subject="The problem with your payment {payment} is settled",
        activated="Dear customer,\n\nThe service of your payment {payment} is activated. "
        "The provider's reference: {reference}.",
        refunded="Dear customer,\n\n{amount} of your payment {payment} went back to your card "
        "on {at} (Baku time). The bank's refund reference: {reference}.\n\nThe money usually "
        "shows on your card within 1–3 banking days, with some banks up to 10 banking days.",
        paid="Dear customer,\n\nYour payment {payment} went through: the card was debited and "
        "the service is active.",
        settled="Dear customer,\n\nThe problem with your payment {payment} is settled.",
        follow="Case {ticket}: {link} (with its number and this e-mail address).\n\nSmartPay",
    ),
    "ru": CaseWords(
        opened_subject="Мы заметили проблему с вашим платежом {payment}",
        opened="Уважаемый клиент,\n\nМы заметили проблему с вашим платежом {payment} "
        "({service}, счёт {account}, {amount}): {what}.\n\nПисать нам не нужно: мы сами "
        "открыли обращение {ticket}.",
        will_settle="Что дальше: мы добиваемся активации услуги, а если это невозможно — "
        "возврата денег на вашу карту. Мы напишем вам, чем всё закончилось, не позднее "
        "{due} (по бакинскому времени).",
        refund_waits="Что дальше: мы добиваемся, чтобы банк вернул деньги на вашу карту. Мы "
        "напишем вам, чем всё закончилось, не позднее {due} (по бакинскому времени).",
        specialist="Что дальше: специалист проверяет платёж и решит вопрос не позднее {due} "
        "(по бакинскому времени).",
        closed_subject="Проблема с вашим платежом {payment} решена",
        activated="Уважаемый клиент,\n\nУслуга по вашему платежу {payment} активирована. "
        "Номер операции у провайдера: {reference}.",
        refunded="Уважаемый клиент,\n\n{amount} по вашему платежу {payment} возвращены на вашу "
        "карту {at} (по бакинскому времени). Номер возврата в банке: {reference}.\n\nОбычно "
        "деньги появляются на карте в течение 1–3 банковских дней, в некоторых банках — до 10 "
        "банковских дней.",
        paid="Уважаемый клиент,\n\nВаш платёж {payment} прошёл: деньги списаны с карты, "
        "услуга активна.",
        settled="Уважаемый клиент,\n\nПроблема с вашим платежом {payment} решена.",
        follow="Обращение {ticket}: {link} (по его номеру и этому адресу e-mail).\n\nSmartPay",
    ),
}
