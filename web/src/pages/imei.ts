// /imei: one or two IMEIs → the quote (model, type check, state fee, legal basis) → Pay through the
// payment flow; a type mismatch offers the prefilled 48-hour ticket. /imei/status: an IMEI's status.
import { imeiStatus, quote, type DeviceType, type Quote, type TicketOffer } from "../api/imei";
import { createPayment, type NewPayment } from "../api/payments";
import { submitTicket, type NewTicket } from "../api/support";
import { PaymentAttempt } from "../domain/attempt";
import { language, pick, t, type Localized } from "../i18n";
import type { PageContext } from "../router";
import { h, inLanguage, replaceChildren } from "../ui/dom";
import { field } from "../ui/field";
import { setTitle } from "../ui/title";
import { apiProblem, bakuTime, sayError, showFieldErrors, textInput } from "./formParts";

const attempt = new PaymentAttempt();

function said(text: Localized): Node {
  const words = pick(text);
  return inLanguage(words.text, words.lang, language());
}

/** "… {site}, telefon {phone}": the registry's contacts named once, as links. */
function registryLine(): HTMLElement {
  const links: Record<string, Node> = {
    site: h("a", { href: "https://imei.az", rel: "noopener noreferrer" }, "imei.az"),
    phone: h("a", { href: "tel:157" }, "157"),
  };
  const parts = t("registryContacts").split(/\{(site|phone)\}/);
  return h("p", { class: "registry" }, ...parts.map((part, i) => (i % 2 ? links[part] : part)));
}

export function imeiPage({ main, signal }: PageContext): void {
  setTitle(t("imeiTitle"));
  const radio = (value: DeviceType) =>
    h(
      "label",
      { class: "choice" },
      h("input", { type: "radio", name: "device_type", value, checked: value === "single" }),
      ` ${t(value)}`,
    );
  const kind = h(
    "fieldset",
    { class: "field" },
    h("legend", {}, t("deviceType")),
    radio("single"),
    radio("duos"),
  );
  const imei1 = field({ label: t("imei1"), input: textInput("imei1", { inputmode: "numeric" }) });
  const imei2 = field({ label: t("imei2"), input: textInput("imei2", { inputmode: "numeric" }) });
  const email = field({
    label: t("imeiEmail"),
    input: textInput("imei_email", { type: "email", autocomplete: "email" }),
  });
  const chosen = (): DeviceType =>
    (kind.querySelector<HTMLInputElement>("input:checked")?.value as DeviceType) ?? "single";
  const showSecond = () => (imei2.root.hidden = chosen() !== "duos");
  kind.addEventListener("change", showSecond);
  showSecond();
  const formError = h("p", { class: "error form-error", role: "alert" });
  const outcome = h("section", { class: "quote", "aria-live": "polite" });
  const form = h(
    "form",
    { class: "pay", novalidate: true },
    kind,
    imei1.root,
    imei2.root,
    email.root,
    formError,
    h("button", { type: "submit", class: "primary" }, t("getQuote")),
  );
  for (const one of [imei1, imei2, email])
    one.input.addEventListener("input", () => one.setError(null));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    formError.replaceChildren();
    outcome.replaceChildren();
    email.root.hidden = false;
    const type = chosen();
    const imeis = [
      imei1.input.value.trim(),
      ...(type === "duos" ? [imei2.input.value.trim()] : []),
    ];
    const address = email.input.value.trim();
    try {
      const found = await quote(type, imeis, address || undefined);
      if (!signal.aborted) replaceChildren(outcome, ...quoteView(found, address, signal));
    } catch (error) {
      if (signal.aborted) return;
      const problem = apiProblem(error);
      // Said once: next to the field it is about, or else above the button.
      const fields = { email: email, "imeis.0": imei1, "imeis.1": imei2 };
      const target = problem ? showFieldErrors(fields, problem) : null;
      if (target) target.input.focus();
      else sayError(formError, error);
      const offer = (problem as { ticket?: TicketOffer } | null)?.ticket;
      if (problem?.code === "device_type_mismatch" && offer) {
        // The letter's form asks for the e-mail; the quote's own field would ask a second time.
        email.root.hidden = true;
        replaceChildren(outcome, mismatchTicket(offer, address, signal));
      }
    }
  });
  main.append(
    h("h1", {}, t("imeiTitle")),
    h("p", { class: "lead" }, t("imeiLead")),
    h("p", {}, h("a", { href: "/imei/status" }, t("imeiStatusLink"))),
    form,
    outcome,
  );
}

function quoteView(found: Quote, email: string, signal: AbortSignal): Node[] {
  const check =
    found.type_check === "matches"
      ? t("typeMatches")
      : found.type_check === "model_unknown"
        ? t("typeUnknown")
        : "";
  const payError = h("p", { class: "error form-error", role: "alert" });
  const pay = h(
    "button",
    { type: "button", class: "primary", id: "pay-imei" },
    `${t("payFee")} ${found.fee.text}`,
  );
  pay.addEventListener("click", async () => {
    payError.replaceChildren();
    pay.disabled = true;
    const { service_id, account, amount } = found.payment;
    const body: NewPayment = { service_id, account, amount, language: language() };
    if (email) body.email = email;
    try {
      const created = await createPayment(body, attempt.keyFor(body));
      attempt.settle();
      window.location.assign(created.payment_page_url);
      return;
    } catch (error) {
      if (!signal.aborted) sayError(payError, error);
    }
    pay.disabled = false;
  });
  return [
    h(
      "dl",
      {},
      h("dt", {}, t("model")),
      h("dd", { id: "quote-model" }, found.model ? found.model.name : t("modelUnknown")),
      h("dt", {}, t("typeCheck")),
      h("dd", { id: "quote-check" }, check),
      h("dt", {}, t("fee")),
      h("dd", { id: "quote-fee" }, found.fee.text),
      h("dt", {}, t("legalBasis")),
      h("dd", {}, said(found.fee.legal_basis)),
    ),
    ...found.notices.map((notice) => h("p", { class: "note" }, said(notice.message))),
    payError,
    pay,
  ];
}

function mismatchTicket(offer: TicketOffer, email: string, signal: AbortSignal): HTMLElement {
  const first = field({ label: t("firstName"), input: textInput("ticket_first_name") });
  const last = field({ label: t("lastName"), input: textInput("ticket_last_name") });
  const needsEmail = offer.fill_in.includes("email");
  const mail = field({
    label: t("contactEmail"),
    hint: t("contactEmailHint"),
    input: textInput("ticket_email", { type: "email", autocomplete: "email" }),
  });
  mail.input.value = email;
  const formError = h("p", { class: "error form-error", role: "alert" });
  const form = h(
    "form",
    { class: "pay mismatch", novalidate: true },
    h("p", {}, `${offer.model}: ${offer.imeis.join(", ")}`),
    first.root,
    last.root,
    needsEmail ? mail.root : null,
    formError,
    h("button", { type: "submit", class: "primary" }, t("fileTicket")),
  );
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    formError.replaceChildren();
    const body = {
      ...offer.payload,
      first_name: first.input.value,
      last_name: last.input.value,
      email: needsEmail ? mail.input.value.trim() : (offer.payload.email ?? email),
    } as NewTicket;
    try {
      const created = await submitTicket(body);
      if (signal.aborted) return;
      form.replaceWith(
        h(
          "p",
          { class: "ticket-number", role: "status" },
          t("ticketFiled", { id: created.ticket_id, hours: created.sla_hours }),
        ),
      );
    } catch (error) {
      if (signal.aborted) return;
      const problem = apiProblem(error);
      const target = problem
        ? showFieldErrors({ first_name: first, last_name: last, email: mail }, problem)
        : null;
      if (target) target.input.focus();
      else sayError(formError, error);
    }
  });
  return form;
}

export function imeiStatusPage({ main, query, signal }: PageContext): void {
  setTitle(t("imeiStatusTitle"));
  const imei = field({
    label: t("imei1"),
    input: textInput("status_imei", { inputmode: "numeric" }),
  });
  imei.input.value = query.get("imei") ?? "";
  const formError = h("p", { class: "error form-error", role: "alert" });
  const answer = h("section", { class: "imei-status", "aria-live": "polite" });
  const form = h(
    "form",
    { class: "pay", novalidate: true },
    imei.root,
    formError,
    h("button", { type: "submit", class: "primary" }, t("check")),
  );
  const look = async () => {
    formError.replaceChildren();
    answer.replaceChildren();
    try {
      const found = await imeiStatus(imei.input.value.trim());
      if (signal.aborted) return;
      const label = {
        not_registered: t("statusNot_registered"),
        pending: t("statusPending"),
        registered: t("statusRegistered"),
        rejected: t("statusRejected"),
      }[found.status];
      const since = found.registered_at ?? found.requested_at;
      replaceChildren(
        answer,
        h("h2", { class: `imei-state state-${found.status}` }, label),
        h("p", {}, said(found.message)),
        since
          ? h("p", {}, h("time", { id: "imei-since", datetime: since }, bakuTime(since)))
          : null,
        found.reason ? h("p", {}, found.reason) : null,
        registryLine(),
      );
    } catch (error) {
      if (!signal.aborted) sayError(formError, error);
    }
  };
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    void look();
  });
  main.append(h("h1", {}, t("imeiStatusTitle")), form, answer);
  if (imei.input.value) void look();
}
