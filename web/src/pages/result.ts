// /pay/result?payment=…: where the bank sends the customer back. Follows the payment live
// (GET every second until it is final) and says what happened and what to do next.
import { service, type ServiceDetail } from "../api/catalog";
import { payment, type PaymentView } from "../api/payments";
import { ApiError } from "../api/http";
import { errorWords } from "../api/problemText";
import { language, t } from "../i18n";
import type { PageContext } from "../router";
import { h, inLanguage, replaceChildren } from "../ui/dom";
import { setTitle } from "../ui/title";
import { copyButton } from "../ui/copy";
import { keepOnDevice } from "./resultKeep";
import { caseSection } from "./resultCase";
import { paymentDetails, stateLabel } from "./resultParts";

const POLL_MS = 1000;
const SLOW_POLL_MS = 5000;
const FAST_POLLS = 600; // ten minutes at full speed, then gentler

export function resultPage({ main, query, signal }: PageContext): void {
  setTitle(t("resultTitle"));
  const id = query.get("payment") ?? "";
  main.append(h("h1", {}, t("resultTitle")));
  if (!/^pay_[0-9a-z]{10,40}$/.test(id)) {
    main.append(h("p", { class: "error" }, t("paymentMissing")));
    return;
  }
  const state = h("section", { class: "result", "aria-live": "polite", "aria-atomic": "false" });
  const live = h("p", { class: "live", role: "status" }, t("loading"));
  const body = h("div", {});
  const write = h("a", { href: `/contact?payment=${id}` }, t("problemWithPayment"));
  const number = h("p", { class: "muted" }, `${t("paymentNumber")} ${id} `);
  number.append(copyButton(id, t("paymentNumber")));
  let shown = "";
  let about: ServiceDetail | null = null;
  let latest: PaymentView | null = null;
  const ourCase = caseSection(
    id,
    () => latest?.state ?? null,
    () => latest?.final ?? false,
    signal,
  );
  main.append(number, state, live, body, ourCase);
  main.append(h("p", { class: "contact-link" }, write));

  const draw = (view: PaymentView) => {
    const fingerprint = `${view.state}:${view.history.length}:${about?.id}`;
    if (fingerprint === shown) return;
    shown = fingerprint;
    setTitle(stateLabel(view.state));
    replaceChildren(state, h("h2", { class: `state state-${view.state}` }, stateLabel(view.state)));
    replaceChildren(body, ...paymentDetails(view, about));
    if (view.refund_reference) {
      body.append(
        h("p", { class: "refund-reference" }, `${t("refundReference")}: `, view.refund_reference),
      );
    }
    if (view.state === "completed") body.append(keepOnDevice(view, about));
  };
  const learnService = (serviceId: string) => {
    // The service's name and account format; the page works without them.
    service(serviceId, language())
      .then((detail) => {
        about = detail;
        if (latest && !signal.aborted) draw(latest);
      })
      .catch(() => undefined);
  };
  const say = (text: string) => {
    if (live.textContent !== text) live.textContent = text; // the same words are not repeated
  };

  let polls = 0;
  const poll = async () => {
    polls += 1;
    try {
      const view = await payment(id, signal);
      if (!latest) learnService(view.service_id);
      latest = view;
      draw(view);
      say(view.final ? "" : t("following"));
      if (view.final) return;
    } catch (error) {
      if (signal.aborted) return;
      if (isFinalRefusal(error)) {
        const words = errorWords(error); // e.g. no such payment: nothing to follow
        return replaceChildren(live, inLanguage(words.text, words.lang, language()));
      }
      say(t("connectionLost"));
    }
    if (!signal.aborted) setTimeout(poll, polls < FAST_POLLS ? POLL_MS : SLOW_POLL_MS);
  };
  void poll();
}

/** A 4xx other than 429 will not change by asking again; a lost connection or a 5xx may. */
function isFinalRefusal(error: unknown): boolean {
  return error instanceof ApiError && error.problem.status < 500 && error.problem.status !== 429;
}
