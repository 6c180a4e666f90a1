// What the customer should do next: after a decline every FAQ point that fits the bank's reason
// (from the server, in az/en/ru) with the FAQ's answer; otherwise the one next step.
import type { PaymentView } from "../api/payments";
import { RU_NEXT_BY_DECLINE, RU_NEXT_BY_STATE } from "../domain/russian";
import { language, pick, t, type Localized } from "../i18n";
import { h, inLanguage } from "../ui/dom";

export function localized(text: Localized, ru: string | undefined): Node {
  const words = pick(ru ? { ...text, ru } : text);
  return inLanguage(words.text, words.lang, language());
}

/** After a decline: every FAQ point that fits the bank's reason, and the FAQ's whole answer. */
function declineAdvice(view: PaymentView): Node | null {
  if (view.state !== "declined" || !view.advice?.length) return null;
  return h(
    "div",
    { class: "next next-declined" },
    h("h2", {}, t("whatNext")),
    h(
      "ul",
      { id: "advice", class: "advice" },
      ...view.advice.map((point) =>
        h("li", { "data-point": point.point }, localized(point, point.ru)),
      ),
    ),
    view.faq_url
      ? h("p", { class: "faq-link" }, h("a", { href: view.faq_url }, t("declineFaq")))
      : null,
  );
}

export function nextStep(view: PaymentView): Node {
  const advice = declineAdvice(view);
  if (advice) return advice;
  const ru =
    view.state === "declined"
      ? RU_NEXT_BY_DECLINE[view.decline_reason ?? "other"]
      : RU_NEXT_BY_STATE[view.state];
  return h(
    "div",
    { class: `next next-${view.state}` },
    h("h2", {}, t("whatNext")),
    h("p", { id: "next-step" }, localized(view.next_step, ru)),
  );
}
