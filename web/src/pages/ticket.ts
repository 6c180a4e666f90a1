// /ticket: a ticket's status for its customer (number + e-mail), the conversation and a reply box.
import { ticketStatus, type TicketStatus } from "../api/support";
import { language, pick, t } from "../i18n";
import type { PageContext } from "../router";
import { h, inLanguage, replaceChildren } from "../ui/dom";
import { field } from "../ui/field";
import { copyButton } from "../ui/copy";
import { setTitle } from "../ui/title";
import { caseProgressView } from "./resultCase";
import { deadline, sayError, textInput } from "./formParts";
import { conversationView, replyBox } from "./ticketConversation";

let lastEmail = ""; // so the status page needs only the number right after sending

export function rememberEmail(email: string): void {
  lastEmail = email;
}

export function ticketPage({ main, query, signal }: PageContext): void {
  setTitle(t("ticketTitle"));
  const number = field({ label: t("ticketNumber"), input: textInput("ticket_id") });
  const email = field({
    label: t("ticketEmail"),
    input: textInput("ticket_email", { type: "email", autocomplete: "email" }),
  });
  number.input.value = query.get("id") ?? "";
  email.input.value = lastEmail;
  const formError = h("p", { class: "error form-error", role: "alert" });
  const answer = h("section", { class: "ticket", "aria-live": "polite" });
  const form = h(
    "form",
    { class: "pay", novalidate: true },
    number.root,
    email.root,
    formError,
    h("button", { type: "submit", class: "primary" }, t("check")),
  );
  const show = (found: TicketStatus, known: { id: string; email: string }) => {
    const state = pick(found.state_text);
    replaceChildren(
      answer,
      h(
        "h2",
        { class: `ticket-state state-${found.state}` },
        inLanguage(state.text, state.lang, language()),
      ),
      h(
        "dl",
        {},
        h("dt", {}, t("ticketNumber")),
        h("dd", {}, `${found.ticket_id} `, copyButton(found.ticket_id, t("ticketNumber"))),
        h("dt", {}, t("ticketDueAt")),
        h("dd", { id: "ticket-due" }, deadline(found.due_at, found.sla_hours)),
      ),
      ...conversationView(found),
      found.can_reply ? replyBox(known, signal, (next) => show(next, known)) : null,
      found.institution ? h("p", {}, found.institution) : null,
      ...(found.case ? caseProgressView(found.case) : []),
      found.case || !found.resolution ? null : h("p", {}, found.resolution),
    );
  };
  const look = async () => {
    formError.replaceChildren();
    answer.replaceChildren();
    const known = { id: number.input.value.trim(), email: email.input.value.trim() };
    try {
      const found = await ticketStatus(known.id, known.email);
      if (!signal.aborted) show(found, known);
    } catch (error) {
      if (!signal.aborted) sayError(formError, error);
    }
  };
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    void look();
  });
  main.append(h("h1", {}, t("ticketTitle")), form, answer);
  if (number.input.value && email.input.value) void look();
}
