// The payment's case on its result page: when we noticed a problem ourselves (money taken, the
// service not yet given; a refund the bank sits on), the customer sees the case number, where it
// stands, by when, and how it ended — the same as our letter, without having to write.
import { casesOf, type CaseOutcome, type CaseProgress, type PaymentCase } from "../api/support";
import type { PaymentState } from "../api/payments";
import { language, pick, t } from "../i18n";
import type { MessageKey } from "../i18n/az";
import { h, inLanguage, replaceChildren } from "../ui/dom";
import { copyButton } from "../ui/copy";
import { bakuTime } from "./formParts";

const CASE_POLL_MS = 3000;
const AFTER_FINAL_POLLS = 20; // a case closes a moment after the payment ends: keep asking a while
// A case can only be open while the money and the service disagree.
const MAY_HAVE_CASE: ReadonlySet<PaymentState> = new Set([
  "debited",
  "refund_pending",
  "refunded",
  "completed",
]);

const ENDED: Record<CaseOutcome["ended"], MessageKey> = {
  activated: "caseEndedActivated",
  refunded: "caseEndedRefunded",
  paid: "caseEndedSettled",
  settled: "caseEndedSettled",
};

/** A section that follows the payment's cases; `state()` is the payment's latest state. */
export function caseSection(
  paymentId: string,
  state: () => PaymentState | null,
  final: () => boolean,
  signal: AbortSignal,
): HTMLElement {
  const section = h("section", { class: "case", "aria-live": "polite", hidden: true });
  let shown = "";
  let afterFinal = 0;
  const poll = async () => {
    const now = state();
    if (now && MAY_HAVE_CASE.has(now)) {
      try {
        const cases = await casesOf(paymentId, signal);
        const fingerprint = JSON.stringify(cases.map((c) => [c.ticket_id, c.state, c.outcome]));
        if (fingerprint !== shown && !signal.aborted) {
          shown = fingerprint;
          section.hidden = cases.length === 0;
          replaceChildren(section, ...cases.flatMap(caseView));
        }
        if (final() && cases.every((c) => c.final)) afterFinal = AFTER_FINAL_POLLS;
      } catch {
        // the case is extra news: the payment's own status stays on the page
      }
    }
    if (final()) afterFinal += 1;
    if (!signal.aborted && afterFinal < AFTER_FINAL_POLLS) setTimeout(poll, CASE_POLL_MS);
  };
  setTimeout(poll, 0);
  return section;
}

function caseView(found: PaymentCase): HTMLElement[] {
  const state = pick(found.state_text);
  const what = found.kind_text ? pick(found.kind_text) : null;
  const link = `/ticket?id=${encodeURIComponent(found.ticket_id)}`;
  const nodes: (HTMLElement | null)[] = [
    h("h2", {}, t("caseTitle")),
    h("p", { class: "case-intro" }, t("caseIntro", { id: found.ticket_id }), " "),
    h(
      "dl",
      {},
      h("dt", {}, t("ticketNumber")),
      h(
        "dd",
        { class: "case-number" },
        `${found.ticket_id} `,
        copyButton(found.ticket_id, t("ticketNumber")),
      ),
      what ? h("dt", {}, t("caseWhat")) : null,
      what ? h("dd", {}, inLanguage(what.text, what.lang, language())) : null,
      h("dt", {}, t("ticketState")),
      h(
        "dd",
        { class: `case-state state-${found.state}` },
        inLanguage(state.text, state.lang, language()),
      ),
      found.final ? null : h("dt", {}, t("ticketDueAt")),
      found.final ? null : h("dd", { class: "case-due" }, bakuTime(found.due_at)),
    ),
    found.outcome ? h("p", { class: "case-outcome" }, t(ENDED[found.outcome.ended])) : null,
    h("p", {}, h("a", { href: link }, t("caseFollow"))),
  ];
  return nodes.filter((node): node is HTMLElement => node !== null);
}

/** A case's progress on the ticket lookup: what we noticed, and how it ended with its references. */
export function caseProgressView(progress: CaseProgress): HTMLElement[] {
  const what = progress.kind_text ? pick(progress.kind_text) : null;
  const outcome = progress.outcome;
  const refs: [MessageKey, string | null | undefined][] = outcome
    ? [
        ["caseProviderRef", outcome.provider_reference],
        ["refundReference", outcome.refund_reference],
      ]
    : [];
  const nodes: (HTMLElement | null)[] = [
    what ? h("p", { class: "case-what" }, inLanguage(what.text, what.lang, language())) : null,
    outcome ? h("p", { class: "case-outcome" }, t(ENDED[outcome.ended])) : null,
    ...refs
      .filter(([, value]) => value)
      .map(([label, value]) => h("p", { class: "case-reference" }, `${t(label)}: ${value}`)),
  ];
  return nodes.filter((node): node is HTMLElement => node !== null);
}
