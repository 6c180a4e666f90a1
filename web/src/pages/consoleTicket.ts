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
import type { CaseAction } from "../api/caseActions";
import { allowedActions } from "../domain/deskActions";
import { t, words } from "../i18n";
import type { MessageKey } from "../i18n/az";
import { navigate, type PageContext } from "../router";
import { h, replaceChildren } from "../ui/dom";
import { field, type Field, type FormControl } from "../ui/field";
import { setTitle } from "../ui/title";
import { deadline, textInput } from "./formParts";
import { CATEGORIES, sayDeskError, slaClock, stateLabel } from "./consoleParts";
import { caseActions } from "./consoleCaseActions";
import { trailList } from "./consoleTrail";

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
    const me = session() ?? { username: "", role: "" };
    const onCase = caseActions(ticket, me, (work, button) => void actOnCase(work, button));
    replaceChildren(view, ...ticketParts(ticket, clock.signal), actions(ticket), onCase);
  };
  // A case action answers with the action: the case is read again to show where it stands.
  const actOnCase = async (work: () => Promise<CaseAction>, button: HTMLButtonElement) => {
    const ordered: { action: CaseAction | null } = { action: null };
    await act(async () => {
      ordered.action = await work();
      return staffTicket(id);
    }, button);
    const state = ordered.action?.state;
    if (state && !signal.aborted) {
      status.textContent = t(state === "ordered" ? "caseActionOrdered" : "caseActionAwaiting");
    }
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
  // The hint says, before sending, that the words go to the customer.
  const textArea = (name: string, label: MessageKey, warning: MessageKey) =>
    field<FormControl>({
      label: t(label),
      hint: t(warning),
      input: h("textarea", { id: name, name, rows: 4, maxlength: 5000 }),
    });

  const actions = (ticket: StaffTicket): Node => {
    const id = ticket.ticket_id;
    const me = session() ?? { username: "", role: "" };
    const allowed = allowedActions(ticket.state, ticket.assignee, me);
    const parts: Node[] = [];
    if (allowed.includes("assign")) {
      const take = h(
        "button",
        { type: "button", class: "secondary", id: "assign-me" },
        t("assignToMe"),
      );
      take.addEventListener("click", () => void act(() => assignToMe(id), take));
      parts.push(take);
    }
    if (allowed.includes("reply")) {
      const text = textArea("reply", "replyLabel", "replyWarning");
      parts.push(actionForm("reply", [text], "sendReply", ([words]) => reply(id, words ?? "")));
    }
    if (allowed.includes("resolve")) {
      const text = textArea("resolution", "resolutionLabel", "resolutionWarning");
      parts.push(
        actionForm("resolve", [text], "resolveAction", ([words]) => resolve(id, words ?? "")),
      );
    }
    if (allowed.includes("redirect")) {
      const institution = field<FormControl>({
        label: t("institutionLabel"),
        hint: t("redirectWarning"),
        input: textInput("institution", { maxlength: "200" }),
      });
      const note = field<FormControl>({ label: t("noteLabel"), input: textInput("note") });
      parts.push(
        actionForm("redirect", [institution, note], "redirectAction", ([where, why]) =>
          redirect(id, where ?? "", why ?? ""),
        ),
      );
    }
    if (!allowed.length) parts.push(h("p", { class: "note", id: "no-actions" }, t("ticketClosed")));
    else if (!allowed.includes("resolve") && ticket.assignee) {
      parts.push(h("p", { class: "note" }, t("notYours", { name: ticket.assignee })));
    }
    return h("section", { class: "desk-actions" }, ...parts);
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
    h("p", { id: "ticket-state" }, stateLabel(ticket.state)),
    h(
      "dl",
      {},
      ...row(t("colSubject"), ticket.subject),
      ...row(t("categoryFilter"), category ? t(category[1]) : ticket.category),
      ...row(
        t("colCustomer"),
        customer ? `${customer.first_name} ${customer.last_name} <${customer.email}>` : null,
      ),
      ...row(t("colPayment"), ticket.payment_id),
      ...row("IMEI", ticket.imeis.join(", ")),
      ...row(t("colAssignee"), ticket.assignee),
      ...row(
        t("ticketDueAt"),
        h("span", { id: "ticket-due" }, deadline(ticket.due_at, ticket.sla_hours)),
      ),
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
    trailList(ticket.trail),
  ];
}
