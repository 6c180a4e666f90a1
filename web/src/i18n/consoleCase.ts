// The console's words for actions on a payment's case (pages/consoleCaseActions.ts).
export const consoleCaseAz = {
  caseActionsTitle: "Ödəniş üzrə əməliyyatlar",
  caseKindAskProvider: "Provayderdən indi soruş",
  caseKindRetryActivation: "Aktivləşməni təkrarla",
  caseKindRefund: "Pulu karta qaytar",
  caseKindConfirmActivated: "Aktivləşməni əllə təsdiqlə",
  caseWhatAskProvider:
    "Provayderdən ödənişin vəziyyəti indi soruşulacaq; cavabı ödənişi və halı özü bağlayacaq.",
  caseWhatRetryActivation:
    "Ödəniş provayderə eyni əməliyyat nömrəsi ilə yenidən göndəriləcək: provayder onu iki dəfə ödəməz.",
  caseWhatRefund:
    "Ödənişin tam məbləği bankda karta qaytarılacaq və müştəriyə e-poçt gedəcək. Böyük məbləğ ikinci supervayzerin təsdiqini gözləyir.",
  caseWhatConfirmActivated:
    "Ödəniş provayderin arayışı ilə tamamlanmış sayılacaq (əllə təsdiq kimi qeyd olunur); pul qaytarılmayacaq.",
  caseNote: "Qeyd (nə üçün)",
  caseReference: "Provayderin arayışı",
  caseConfirm: "Təsdiqləyirəm",
  caseActionOrdered: "Sifariş verildi; hal ödənişin faktları ilə özü bağlanacaq.",
  caseActionAwaiting: "İkinci supervayzerin təsdiqini gözləyir.",
  caseApprove: "Təsdiq et",
  caseActionLine: "{kind}: {state} ({who})",
  caseStateAwaiting: "təsdiq gözləyir",
  caseStateOrdered: "sifariş verilib",
  trailActionRequested: "{who} ödəniş üzrə əməliyyat istədi",
  trailActionApproved: "{who} əməliyyatı təsdiq etdi",
} as const;

export type ConsoleCaseKey = keyof typeof consoleCaseAz;

export const consoleCaseEn: Record<ConsoleCaseKey, string> = {
  caseActionsTitle: "Actions on the payment",
  caseKindAskProvider: "Ask the provider now",
  caseKindRetryActivation: "Retry the activation",
  caseKindRefund: "Refund to the card",
  caseKindConfirmActivated: "Confirm activated by hand",
  caseWhatAskProvider:
    "The provider is asked for the payment's status now; its answer ends the payment and the case by itself.",
  caseWhatRetryActivation:
    "The payment goes to the provider again under the same transaction id: the provider cannot pay it twice.",
  caseWhatRefund:
    "The payment's whole total goes back to the card at the bank and the customer is e-mailed. A large amount waits for a second supervisor's approval.",
  caseWhatConfirmActivated:
    "The payment counts as completed with the provider's reference (noted as confirmed by hand); nothing is refunded.",
  caseNote: "Note (why)",
  caseReference: "The provider's reference",
  caseConfirm: "Yes, do it",
  caseActionOrdered: "Ordered; the case closes by itself when the payment's facts settle.",
  caseActionAwaiting: "Waits for a second supervisor's approval.",
  caseApprove: "Approve",
  caseActionLine: "{kind}: {state} ({who})",
  caseStateAwaiting: "awaiting approval",
  caseStateOrdered: "ordered",
  trailActionRequested: "{who} asked for an action on the payment",
  trailActionApproved: "{who} approved an action",
};

export const consoleCaseRu: Record<ConsoleCaseKey, string> = {
  caseActionsTitle: "Действия по платежу",
  caseKindAskProvider: "Спросить провайдера сейчас",
  caseKindRetryActivation: "Повторить активацию",
  caseKindRefund: "Вернуть деньги на карту",
  caseKindConfirmActivated: "Подтвердить активацию вручную",
  caseWhatAskProvider:
    "Провайдера сейчас спросят о статусе платежа; его ответ сам завершит платёж и случай.",
  caseWhatRetryActivation:
    "Платёж снова уйдёт провайдеру с тем же номером транзакции: дважды он не оплатится.",
  caseWhatRefund:
    "Вся сумма платежа вернётся на карту через банк, клиенту уйдёт письмо. Крупная сумма ждёт одобрения второго супервайзера.",
  caseWhatConfirmActivated:
    "Платёж будет считаться завершённым с номером провайдера (отмечено как подтверждение вручную); деньги не возвращаются.",
  caseNote: "Примечание (почему)",
  caseReference: "Номер у провайдера",
  caseConfirm: "Да, выполнить",
  caseActionOrdered: "Заказано; случай закроется сам, когда факты платежа сойдутся.",
  caseActionAwaiting: "Ждёт одобрения второго супервайзера.",
  caseApprove: "Одобрить",
  caseActionLine: "{kind}: {state} ({who})",
  caseStateAwaiting: "ждёт одобрения",
  caseStateOrdered: "заказано",
  trailActionRequested: "{who} запросил(а) действие по платежу",
  trailActionApproved: "{who} одобрил(а) действие",
};
