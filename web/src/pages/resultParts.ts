// The pieces of the result page: the steps, the amounts, the advice, the receipt and retry links.
import type { ServiceDetail } from "../api/catalog";
import type { PaymentState, PaymentView } from "../api/payments";
import { formatAccount } from "../domain/account";
import { bakuDateTime } from "../domain/dates";
import { RU_STEPS } from "../domain/russian";
import { language, pick, t } from "../i18n";
import type { MessageKey } from "../i18n/az";
import { h } from "../ui/dom";
import { localized, nextStep } from "./resultNext";

const LABELS: Record<PaymentState, MessageKey> = {
  initiated: "stateInitiated",
  debited: "stateDebited",
  completed: "stateCompleted",
  declined: "stateDeclined",
  expired: "stateExpired",
  refund_pending: "stateRefundPending",
  refunded: "stateRefunded",
};

/** How far along created → debited → completed the payment got, and where it stopped. */
const REACHED: Record<PaymentState, [number, boolean]> = {
  initiated: [1, false],
  debited: [2, false],
  completed: [3, false],
  declined: [1, true],
  expired: [1, true],
  refund_pending: [2, true],
  refunded: [2, true],
};

export function stateLabel(state: PaymentState): string {
  return t(LABELS[state]);
}

function progress(state: PaymentState): HTMLElement {
  const [reached, stopped] = REACHED[state];
  const steps: MessageKey[] = ["stepCreated", "stepDebited", "stepCompleted"];
  return h(
    "ol",
    { class: "progress", "aria-label": t("progress") },
    ...steps.map((step, index) => {
      const done = index < reached;
      const failed = stopped && index === reached;
      const current = !stopped && index === reached - 1;
      const mark = done ? "done" : failed ? "failed" : "todo";
      // Where the payment stopped, the step says what happened instead (never "card debited"
      // in red for a card the bank refused).
      const label = failed ? stateLabel(state) : t(step);
      return h("li", { class: mark, "aria-current": current ? "step" : null }, label);
    }),
  );
}

/** The receipt in the page's language (the server's default is the one the customer paid in). */
function inPageLanguage(url: string): string {
  return `${url}${url.includes("?") ? "&" : "?"}lang=${language()}`;
}

function actions(view: PaymentView): HTMLElement | null {
  if (view.receipt_url) {
    return h(
      "p",
      { class: "actions" },
      h(
        "a",
        {
          class: "button primary",
          href: inPageLanguage(view.receipt_url),
          target: "_blank",
          rel: "noopener",
        },
        t("receipt"),
      ),
      view.receipt_pdf_url
        ? h(
            "a",
            {
              class: "button secondary",
              href: inPageLanguage(view.receipt_pdf_url),
              download: `qebz-${view.payment_id}.pdf`,
            },
            t("receiptPdf"),
          )
        : null,
    );
  }
  if (view.state === "initiated" && view.payment_page_url) {
    return h(
      "p",
      { class: "actions" },
      h("a", { class: "button primary", href: view.payment_page_url }, t("backToBank")),
    );
  }
  if (view.state === "declined" || view.state === "expired") {
    // The form comes back with the account, the amount and (from this tab) the e-mail.
    const again = new URLSearchParams({
      account: view.account,
      amount: view.amount.text.split(" ")[0] ?? "",
      retry: view.payment_id,
    });
    const label = view.state === "declined" ? t("tryAnotherCard") : t("tryAgain");
    return h(
      "p",
      { class: "actions" },
      h("a", { class: "button primary", href: `/services/${view.service_id}?${again}` }, label),
    );
  }
  return null;
}

function history(view: PaymentView): HTMLElement {
  const lang = language();
  return h(
    "section",
    { class: "history" },
    h("h2", {}, t("history")),
    h(
      "ol",
      {},
      ...view.history.map((step) =>
        h(
          "li",
          {},
          h("time", { datetime: step.at }, bakuDateTime(step.at, lang, true)),
          " ",
          localized(step.text, RU_STEPS[step.reason]),
        ),
      ),
    ),
  );
}

export function paymentDetails(view: PaymentView, about: ServiceDetail | null): Node[] {
  const account = about
    ? formatAccount(about.account.kind, about.account.pattern, view.account)
    : view.account;
  const rows: [string, string][] = [
    [t("service"), about ? pick(about.names).text : view.service_id],
    [t("account"), account],
    [t("amountShort"), view.amount.text],
    [t("commission"), view.fee.text],
    [t("total"), view.total.text],
  ];
  return [
    progress(view.state),
    nextStep(view),
    actions(view),
    h(
      "dl",
      { class: "summary" },
      ...rows.flatMap(([name, value]) => [h("dt", {}, name), h("dd", {}, value)]),
    ),
    history(view),
  ].filter((node): node is HTMLElement => node !== null);
}
