// /console/tickets/:id: one ticket for a specialist — the letter (as text), facts, trail, actions.
import {
  assignToMe,
  redirect,
  reply,
  resolve,
  session,
  staffTicket,
  type StaffTicket,
} from "../api/desk";
import { t, words } from "../i18n";
import type { MessageKey } from "../i18n/az";
import { navigate, type PageContext } from "../router";
import { h, replaceChildren } from "../ui/dom";
import { field, type Field, type FormControl } from "../ui/field";
import { setTitle } from "../ui/title";
import { bakuTime, textInput } from "./formParts";
import { CATEGORIES, sayDeskError, slaClock, stateLabel } from "./console";

export function consoleTicketPage({ main, params, signal }: PageContext): void {
  const id = params[0] ?? "";
  setTitle(`${id} — ${t("consoleTitle")}`);
  if (!session()) {
    navigate("/console", true);
    return;
  }
  const view = h("div", { class: "desk-ticket" }, t("loading"));
  const status = h("p", { class: "status", role: "status" });
  const formError = h("p", { class: "error form-error", role: "alert" });
  main.append(
    h("p", {}, h("a", { href: "/console" }, t("backToQueue"))),
    h("h1", {}, id),
    view,
    status,
    formError,
  );
  let clock = new AbortController();
  const show = (ticket: StaffTicket) => {
    clock.abort();
    clock = new AbortController();
    signal.addEventListener("abort", () => clock.abort());
    replaceChildren(view, ...ticketParts(ticket, clock.signal), actions(ticket));
  };
  const act = async (work: () => Promise<StaffTicket>, button: HTMLButtonElement) => {
    status.replaceChildren();
    formError.replaceChildren();
    button.disabled = true;
    try {
      const ticket = await work();
      if (signal.aborted) return;
      show(ticket);
      status.textContent = t("actionDone");
    } catch (error) {
      if (signal.aborted) return;
      button.disabled = false;
      sayDeskError(formError, error);
    }
  };

  /** A small form whose first field must be filled; `send` gets the fields' values. */
  const actionForm = (
    name: string,
    fields: Field<FormControl>[],
    buttonKey: MessageKey,
    send: (values: string[]) => Promise<StaffTicket>,
  ) => {
    const button = h(
      "button",
      { type: "submit", class: "primary", id: `${name}-send` },
      t(buttonKey),
    );
    const form = h(
      "form",
      { class: "desk-action", id: `${name}-form`, novalidate: true },
      ...fields.map((one) => one.root),
      button,
    );
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      const values = fields.map((one) => one.input.value.trim());
      const empty = values[0] === "";
      fields[0]?.setError(empty ? words("fieldRequired") : null);
      if (!empty) void act(() => send(values), button);
    });
    return form;
  };
  const textArea = (name: string, label: MessageKey) =>
    field<FormControl>({
      label: t(label),
      input: h("textarea", { id: name, name, rows: 4, maxlength: 5000 }),
    });

  const actions = (ticket: StaffTicket): Node => {
    const id = ticket.ticket_id;
    const take = h(
      "button",
      { type: "button", class: "secondary", id: "assign-me" },
      t("assignToMe"),
    );
    take.addEventListener("click", () => void act(() => assignToMe(id), take));
    const institution = field<FormControl>({
      label: t("institutionLabel"),
      input: textInput("institution", { maxlength: "200" }),
    });
    const note = field<FormControl>({ label: t("noteLabel"), input: textInput("note") });
    return h(
      "section",
      { class: "desk-actions" },
      take,
      actionForm("reply", [textArea("reply", "replyLabel")], "sendReply", ([text]) =>
        reply(id, text ?? ""),
      ),
      actionForm(
        "resolve",
        [textArea("resolution", "resolutionLabel")],
        "resolveAction",
        ([text]) => resolve(id, text ?? ""),
      ),
      actionForm("redirect", [institution, note], "redirectAction", ([where, why]) =>
        redirect(id, where ?? "", why ?? ""),
      ),
    );
  };

  staffTicket(id, signal)
    .then((ticket) => {
      if (!signal.aborted) show(ticket);
    })
    .catch((error: unknown) => {
      if (signal.aborted) return;
      view.replaceChildren();
      sayDeskError(formError, error);
    });
}

function row(label: string, value: Node | string | null | undefined): Node[] {
  if (value === null || value === undefined || value === "") return [];
  return [h("dt", {}, label), h("dd", {}, value)];
}

function ticketParts(ticket: StaffTicket, signal: AbortSignal): Node[] {
  const category = CATEGORIES.find(([value]) => value === ticket.category);
  const customer = ticket.customer;
  const facts = Object.entries(ticket.facts ?? {});
  return [
    h("p", { id: "ticket-state" }, stateLabel(ticket.state, ticket.state_text)),
    h(
      "dl",
      {},
      ...row(t("colSubject"), ticket.subject),
      ...row(t("categoryFilter"), category ? t(category[1]) : ticket.category),
      ...row(
        t("colCustomer"),
        customer ? `${customer.first_name} ${customer.last_name} <${customer.email}>` : null,
      ),
      ...row("payment_id", ticket.payment_id),
      ...row("IMEI", ticket.imeis.join(", ")),
      ...row(t("colAssignee"), ticket.assignee),
      ...row(t("ticketDueAt"), `${bakuTime(ticket.due_at)} (${ticket.sla_hours} h)`),
      ...row(t("colSla"), slaClock(ticket.due_at, ticket.state, signal)),
      ...row(t("institutionLabel"), ticket.institution),
      ...row(t("resolutionLabel"), ticket.resolution),
    ),
    ...(ticket.message
      ? [
          h("h2", {}, t("customerLetter")),
          h("pre", { class: "letter", id: "letter" }, ticket.message),
        ]
      : []),
    ...(facts.length
      ? [
          h("h2", {}, t("caseFacts")),
          h(
            "dl",
            { class: "facts" },
            ...facts.flatMap(([key, value]) =>
              row(key, typeof value === "string" ? value : JSON.stringify(value)),
            ),
          ),
        ]
      : []),
    h("h2", {}, t("caseTrail")),
    h(
      "ol",
      { class: "trail" },
      ...ticket.trail.map((entry) =>
        h(
          "li",
          {},
          h("time", { datetime: entry.at }, bakuTime(entry.at)),
          ` ${entry.action}`,
          entry.by ? ` (${entry.by})` : "",
          entry.text ? h("div", { class: "trail-text" }, entry.text) : null,
          entry.ref ? h("div", { class: "muted" }, entry.ref) : null,
        ),
      ),
    ),
  ];
}
