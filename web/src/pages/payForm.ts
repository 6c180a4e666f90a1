// The payment form: account formatted as typed, amount with commission and total, then Pay →
// the bank's own card page. Problems from the API land next to the field they are about.
import type { Lookup, ServiceDetail } from "../api/catalog";
import { ApiError } from "../api/http";
import { createPayment, type CreatedPayment, type NewPayment } from "../api/payments";
import { errorWords } from "../api/problemText";
import { PaymentAttempt } from "../domain/attempt";
import { decimalText, parseAmount } from "../domain/money";
import { language, t, words } from "../i18n";
import { h, inLanguage, replaceChildren } from "../ui/dom";
import { field } from "../ui/field";
import { accountField } from "./accountField";
import { lookupPanel } from "./lookup";
import { showProblem, validate, type PayFields } from "./payChecks";
import { paySummary } from "./paySummary";
import { recallEmail, rememberEmail } from "./retryEmail";

export interface Draft {
  account: string;
  amount: string;
  email: string;
  lookup: Lookup | null;
}

const drafts = new Map<string, Draft>();
const attempt = new PaymentAttempt();
const IN_PROGRESS_RETRIES = 5;
const RETRYABLE_STATUSES = [409, 429, 503];

/** What the customer typed for this service, kept across a language switch, a "Pay again" or a
 * "Try another card" (`retry` names the declined payment whose e-mail this tab remembers). */
export function draftFor(serviceId: string, query: URLSearchParams): Draft {
  const draft = drafts.get(serviceId) ?? { account: "", amount: "", email: "", lookup: null };
  draft.account = query.get("account") ?? draft.account;
  draft.amount = query.get("amount") ?? draft.amount;
  const retried = query.get("retry");
  draft.email = (retried && recallEmail(retried)) || draft.email;
  drafts.set(serviceId, draft);
  return draft;
}

export function payForm(detail: ServiceDetail, draft: Draft, signal: AbortSignal): HTMLFormElement {
  const summary = paySummary(detail.commission);
  const lookup = lookupPanel(
    detail,
    () => fields.account,
    (found) => (draft.lookup = found),
    (debt) => {
      fields.amount.input.value = decimalText(debt);
      update();
    },
  );
  const account = accountField(
    detail.account,
    draft.account,
    lookup.button ?? undefined,
    (typed) => {
      if (typed !== draft.account && draft.lookup) {
        draft.lookup = null; // the provider's answer was about another account
        lookup.show(null);
        update();
      }
      draft.account = typed;
    },
  );
  const fields: PayFields = {
    account,
    amount: field({ label: t("amount"), hint: "", input: amountInput(draft.amount) }),
    email: field({ label: t("email"), input: emailInput(draft.email) }),
  };
  const limits = (): [number, number] =>
    draft.lookup
      ? [draft.lookup.allowed_min_qepik, draft.lookup.allowed_max_qepik]
      : [detail.min_qepik, detail.max_qepik];
  const update = () => {
    draft.amount = fields.amount.input.value;
    const [min, max] = limits();
    fields.amount.setHint(t("amountHint", { min: decimalText(min), max: decimalText(max) }));
    // Above the maximum is said as it is typed, and such a total is never shown as payable;
    // below the minimum waits for Pay (10 is on its way to 100).
    const typed = parseAmount(fields.amount.input.value);
    const tooMuch = typed !== null && typed > max;
    if (tooMuch) fields.amount.setError(words("amountAboveMaximum", { max: decimalText(max) }));
    summary.show(tooMuch ? null : typed);
  };
  fields.amount.input.addEventListener("input", () => {
    fields.amount.setError(null);
    update();
  });
  fields.email.input.addEventListener("input", () => {
    draft.email = fields.email.input.value;
    fields.email.setError(null);
  });

  const formError = h("p", { class: "error form-error", role: "alert" });
  const pay = h("button", { type: "submit", class: "primary" }, t("pay"));
  const form = h(
    "form",
    { class: "pay", novalidate: true },
    ...[account.root, lookup.panel, fields.amount.root, fields.email.root, summary.root],
    formError,
    pay,
    h("p", { class: "note" }, t("payNote")),
  );
  const busy = (on: boolean) => {
    pay.disabled = on;
    pay.textContent = t(on ? "paying" : "pay");
    form.toggleAttribute("aria-busy", on);
  };
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    formError.replaceChildren();
    const invalid = validate(fields, ...limits());
    if (invalid) return invalid.input.focus();
    busy(true);
    try {
      const created = await send(paymentRequest(detail.id, fields), signal);
      attempt.settle();
      rememberEmail(created.payment_id, fields.email.input.value.trim());
      window.location.assign(created.payment_page_url);
      return;
    } catch (error) {
      if (signal.aborted) return;
      const api = error instanceof ApiError ? error : null;
      // A refusal is final, so the next press is a new attempt; a lost answer, a 503 or a 429
      // may be retried, and the retry must carry the same key.
      if (api && !RETRYABLE_STATUSES.includes(api.problem.status)) attempt.settle();
      const target = api ? showProblem(fields, api.problem) : null;
      if (target) target.input.focus();
      else {
        const words = errorWords(error);
        replaceChildren(formError, inLanguage(words.text, words.lang, language()));
      }
    }
    busy(false);
  });
  update();
  return form;
}

function amountInput(value: string): HTMLInputElement {
  const attributes = { id: "amount", name: "amount", type: "text", inputmode: "decimal" };
  return h("input", { ...attributes, value, required: true, autocomplete: "off" });
}

function emailInput(value: string): HTMLInputElement {
  const attributes = { id: "email", name: "email", type: "email", autocomplete: "email" };
  return h("input", { ...attributes, value, spellcheck: "false" });
}

function paymentRequest(serviceId: string, fields: PayFields): NewPayment {
  const body: NewPayment = {
    service_id: serviceId,
    account: fields.account.input.value,
    amount: decimalText(parseAmount(fields.amount.input.value) ?? 0),
    language: language(),
  };
  const email = fields.email.input.value.trim();
  if (email) body.email = email;
  return body;
}

/** POSTs the payment; a 409 "still being created" is asked again with the same key. */
async function send(body: NewPayment, signal: AbortSignal): Promise<CreatedPayment> {
  const key = attempt.keyFor(body);
  for (let tries = 0; ; tries++) {
    try {
      return await createPayment(body, key);
    } catch (error) {
      const inProgress = error instanceof ApiError && error.problem.code === "request_in_progress";
      if (!inProgress || tries >= IN_PROGRESS_RETRIES || signal.aborted) throw error;
      await new Promise((done) => setTimeout(done, (error.retryAfterSeconds ?? 1) * 1000));
    }
  }
}
