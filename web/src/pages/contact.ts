// "Məktub yaz": the contact form (→ a ticket number and its status link; /ticket is ticket.ts).
import { services } from "../api/catalog";
import { submitTicket, type CreatedTicket, type NewTicket } from "../api/support";
import { language, pick, t } from "../i18n";
import type { PageContext } from "../router";
import { h, replaceChildren } from "../ui/dom";
import { field, type Field, type FormControl } from "../ui/field";
import { copyButton } from "../ui/copy";
import { setTitle } from "../ui/title";
import { rememberEmail } from "./ticket";
import { ATTACHMENT_PROBLEMS, ATTACHMENT_TYPES, attachmentRefusal } from "../domain/attachment";
import { apiProblem, bakuTime, sayError, showFieldErrors, textInput } from "./formParts";

export function contactPage({ main, query, signal }: PageContext): void {
  setTitle(t("contactTitle"));
  const subject = h(
    "select",
    { id: "subject", name: "subject" },
    h("option", { value: "" }, t("subjectChoose")),
    h("option", { value: "other" }, t("subjectOther")),
  );
  services("", null, signal)
    .then((list) => {
      const other = subject.lastElementChild;
      for (const item of list) {
        subject.insertBefore(h("option", { value: item.id }, pick(item.names).text), other);
      }
    })
    .catch(() => undefined); // "other" still works
  const fields = {
    first_name: field({
      label: t("firstName"),
      input: textInput("first_name", { autocomplete: "given-name" }),
    }),
    last_name: field({
      label: t("lastName"),
      input: textInput("last_name", { autocomplete: "family-name" }),
    }),
    email: field({
      label: t("contactEmail"),
      hint: t("contactEmailHint"),
      input: textInput("email", { type: "email", autocomplete: "email" }),
    }),
    subject: field<FormControl>({ label: t("subject"), input: subject }),
    message: field<FormControl>({
      label: t("message"),
      input: h("textarea", { id: "message", name: "message", rows: 6, maxlength: 5000 }),
    }),
    payment_id: field({ label: t("paymentRef"), input: textInput("payment_id") }),
    attachment: field({
      label: t("attachment"),
      hint: t("attachmentHint"),
      input: h("input", {
        id: "attachment",
        name: "attachment",
        type: "file",
        accept: ATTACHMENT_TYPES.join(","),
      }),
    }),
  } satisfies Record<string, Field<FormControl>>;
  fields.payment_id.input.value = query.get("payment") ?? "";
  for (const one of Object.values(fields) as Field<FormControl>[]) {
    one.input.addEventListener("input", () => one.setError(null));
  }
  const formError = h("p", { class: "error form-error", role: "alert" });
  const send = h("button", { type: "submit", class: "primary" }, t("send"));
  const done = h("section", { class: "done", role: "status" });
  const form = h(
    "form",
    { class: "pay contact", novalidate: true },
    ...Object.values(fields).map((one) => (one as Field<FormControl>).root),
    formError,
    send,
  );
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    formError.replaceChildren();
    const body: NewTicket = {
      first_name: fields.first_name.input.value,
      last_name: fields.last_name.input.value,
      email: fields.email.input.value.trim(),
      subject: fields.subject.input.value,
      message: fields.message.input.value,
    };
    const payment = fields.payment_id.input.value.trim();
    if (payment) body.payment_id = payment;
    const attachment = fields.attachment.input.files?.[0];
    const refused = attachment ? attachmentRefusal(attachment) : null;
    if (refused) {
      fields.attachment.setError({ text: refused, lang: language() });
      fields.attachment.input.focus();
      return;
    }
    send.disabled = true;
    send.textContent = t("sending");
    try {
      const created = await submitTicket(body, attachment);
      if (signal.aborted) return;
      rememberEmail(body.email);
      form.replaceWith(done);
      replaceChildren(done, ...ticketCreated(created, body.email));
      return;
    } catch (error) {
      if (signal.aborted) return;
      const problem = apiProblem(error);
      let target: Field<FormControl> | null = null;
      if (problem && ATTACHMENT_PROBLEMS.has(problem.code)) {
        const words = pick(problem.message);
        target = fields.attachment;
        target.setError(words.text ? words : { text: t("unexpected"), lang: language() });
      } else if (problem) {
        target = showFieldErrors(fields, problem);
      }
      if (target) target.input.focus();
      else sayError(formError, error);
    }
    send.disabled = false;
    send.textContent = t("send");
  });
  main.append(
    h("h1", {}, t("contactTitle")),
    h("p", { class: "lead" }, t("contactLead")),
    form,
    done,
  );
}

export function ticketCreated(created: CreatedTicket, email: string): Node[] {
  const due = bakuTime(created.due_at);
  const nodes: (Node | null)[] = [
    h("h2", { class: "ticket-number" }, t("ticketCreated", { id: created.ticket_id })),
    h("p", {}, copyButton(created.ticket_id, t("ticketNumber"))),
    h("p", {}, t("ticketDue", { hours: created.sla_hours, due })),
    email ? h("p", {}, t("ticketMailed", { email })) : null,
    h(
      "p",
      {},
      h(
        "a",
        { href: `/ticket?id=${encodeURIComponent(created.ticket_id)}` },
        t("ticketStatusLink"),
      ),
    ),
  ];
  return nodes.filter((node): node is Node => node !== null);
}
