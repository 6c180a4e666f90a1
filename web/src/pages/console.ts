// /console: the specialists' sign-in and ticket queue (filters, search, an SLA clock per ticket).
import { queue, session, signIn, signOut, type Session, type TicketSummary } from "../api/desk";
import { ApiError } from "../api/http";
import { errorWords } from "../api/problemText";
import { clockText } from "../domain/dates";
import { t } from "../i18n";
import type { MessageKey } from "../i18n/az";
import { navigate, type PageContext } from "../router";
import { h, replaceChildren } from "../ui/dom";
import { field } from "../ui/field";
import { setTitle } from "../ui/title";
import { sayError, textInput } from "./formParts";

export const STATES: [string, MessageKey][] = [
  ["new", "stateNew"],
  ["assigned", "stateAssigned"],
  ["waiting_for_customer", "stateWaiting"],
  ["resolved", "stateResolved"],
  ["redirected", "stateRedirected"],
];

export const CATEGORIES: [string, MessageKey][] = [
  ["payment_problem", "catPayment"],
  ["reconciliation_mismatch", "catMismatch"],
  ["imei_device_type_mismatch", "catImei"],
  ["other", "catOther"],
];

/** 401 sends the specialist back to sign in; 403 and 409 say what the server said, plainly. */
export function sayDeskError(into: HTMLElement, error: unknown): void {
  if (error instanceof ApiError) {
    const status = error.problem.status;
    if (status === 401) {
      navigate("/console?expired=1", true);
      return;
    }
    const reason = errorWords(error).text;
    if (status === 403) return replaceChildren(into, t("forbiddenAction", { reason }));
    const state = (error.problem as { state?: string }).state;
    if (status === 409 && state) {
      return replaceChildren(into, t("wrongState", { state: stateWords(state) }));
    }
  }
  sayError(into, error);
}

function slaText(dueAt: string, state: string): { text: string; overdue: boolean } {
  if (state !== "new" && state !== "assigned") return { text: t("clockStopped"), overdue: false };
  const seconds = Math.round((Date.parse(dueAt) - Date.now()) / 1000);
  const time = clockText(seconds);
  return seconds >= 0
    ? { text: t("timeLeft", { time }), overdue: false }
    : { text: t("overdueBy", { time }), overdue: true };
}

/** An element whose SLA countdown ticks every second until the page is left. */
export function slaClock(dueAt: string, state: string, signal: AbortSignal): HTMLElement {
  const element = h("span", { class: "sla" });
  const tick = () => {
    const { text, overdue } = slaText(dueAt, state);
    element.textContent = text;
    element.classList.toggle("overdue", overdue);
  };
  tick();
  const timer = window.setInterval(tick, 1000);
  signal.addEventListener("abort", () => window.clearInterval(timer));
  return element;
}

/** The console's own name of a state: the same in the filter, the queue and the ticket. */
export function stateWords(state: string): string {
  const known = STATES.find(([value]) => value === state);
  return known ? t(known[1]) : state;
}

export function stateLabel(state: string): Node {
  return h("span", { class: `desk-state state-${state}` }, stateWords(state));
}

export function roleWords(role: string): string {
  if (role === "supervisor") return t("roleSupervisor");
  if (role === "ops") return t("roleOps");
  return role === "specialist" ? t("roleSpecialist") : role;
}

/** Who is signed in, and the way out: the same bar on the desk's and the ops pages. */
export function signedInBar(signed: Session): HTMLElement {
  return h(
    "p",
    { class: "console-bar" },
    h(
      "span",
      { id: "signed-in" },
      t("signedInAs", { name: signed.username, role: roleWords(signed.role) }),
    ),
    " ",
    h(
      "button",
      {
        type: "button",
        class: "secondary",
        id: "sign-out",
        onclick: () => {
          signOut();
          navigate("/console", true);
        },
      },
      t("signOut"),
    ),
  );
}

export function consolePage(context: PageContext): void {
  setTitle(t("consoleTitle"));
  context.main.classList.add("desk");
  const signed = session();
  if (!signed) return signInForm(context);
  if (signed.role === "ops") return navigate("/console/ops", true); // ops work in their own pages
  const bar = signedInBar(signed);
  context.main.append(h("h1", {}, t("consoleTitle")), bar);
  queuePart(context);
}

function signInForm({ main, query, signal }: PageContext): void {
  const username = field({
    label: t("username"),
    input: textInput("username", { autocomplete: "username" }),
  });
  const password = field({
    label: t("password"),
    input: textInput("password", { type: "password", autocomplete: "current-password" }),
  });
  const formError = h("p", { class: "error form-error", role: "alert" });
  if (query.get("expired")) formError.textContent = t("sessionEnded");
  const button = h("button", { type: "submit", class: "primary" }, t("signIn"));
  const form = h(
    "form",
    { class: "pay", novalidate: true },
    username.root,
    password.root,
    formError,
    button,
  );
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    formError.replaceChildren();
    button.disabled = true;
    try {
      await signIn(username.input.value.trim(), password.input.value);
      if (!signal.aborted) navigate("/console", true);
    } catch (error) {
      if (signal.aborted) return;
      sayError(formError, error);
      button.disabled = false;
    }
  });
  main.append(h("h1", {}, t("consoleTitle")), h("h2", {}, t("signInTitle")), form);
}

function select(id: string, options: [string, MessageKey][], chosen: string): HTMLSelectElement {
  const element = h(
    "select",
    { id, name: id },
    h("option", { value: "" }, t("anyValue")),
    ...options.map(([value, key]) => h("option", { value, selected: value === chosen }, t(key))),
  );
  return element;
}

function queuePart({ main, query, signal }: PageContext): void {
  const state = field({
    label: t("stateFilter"),
    input: select("state", STATES, query.get("state") ?? ""),
  });
  const category = field({
    label: t("categoryFilter"),
    input: select("category", CATEGORIES, query.get("category") ?? ""),
  });
  const search = field({
    label: t("searchTickets"),
    hint: t("searchTicketsHint"),
    input: textInput("q", { type: "search" }),
  });
  search.input.value = query.get("q") ?? "";
  const filters = h(
    "form",
    { class: "console-filters", role: "search" },
    state.root,
    category.root,
    search.root,
    h("button", { type: "submit", class: "primary" }, t("find")),
  );
  filters.addEventListener("submit", (event) => {
    event.preventDefault();
    const next = new URLSearchParams();
    if (state.input.value) next.set("state", state.input.value);
    if (category.input.value) next.set("category", category.input.value);
    const words = search.input.value.trim();
    if (words) next.set("q", words);
    navigate(`/console${next.size ? `?${next}` : ""}`);
  });
  const formError = h("p", { class: "error form-error", role: "alert" });
  const list = h("div", { class: "queue", "aria-live": "polite" }, t("loading"));
  main.append(h("h2", {}, t("queueTitle")), filters, formError, list);
  const filter = {
    state: query.get("state") ?? "",
    category: query.get("category") ?? "",
    q: query.get("q") ?? "",
  };
  queue(filter, signal)
    .then(({ tickets }) => {
      if (!signal.aborted) replaceChildren(list, queueTable(tickets, signal));
    })
    .catch((error: unknown) => {
      if (signal.aborted) return;
      list.replaceChildren();
      sayDeskError(formError, error);
    });
}

/** A cell that names its column, for the cards the queue becomes on a phone. */
function cell(column: MessageKey, content: Node | string): HTMLElement {
  return h("td", { "data-label": t(column) }, content);
}

function queueTable(tickets: TicketSummary[], signal: AbortSignal): Node {
  if (!tickets.length) return h("p", { class: "muted" }, t("noTickets"));
  const head = [
    "colTicket",
    "colSubject",
    "colCustomer",
    "colState",
    "colAssignee",
    "colSla",
  ] as const;
  return h(
    "table",
    { class: "queue-table" },
    h("thead", {}, h("tr", {}, ...head.map((key) => h("th", { scope: "col" }, t(key))))),
    h(
      "tbody",
      {},
      ...tickets.map((ticket) =>
        h(
          "tr",
          { "data-ticket": ticket.ticket_id, class: ticket.overdue ? "overdue" : null },
          cell(
            "colTicket",
            h("a", { href: `/console/tickets/${ticket.ticket_id}` }, ticket.ticket_id),
          ),
          cell("colSubject", ticket.subject),
          cell(
            "colCustomer",
            ticket.customer ? `${ticket.customer.name} <${ticket.customer.email}>` : "—",
          ),
          cell("colState", stateLabel(ticket.state)),
          cell("colAssignee", ticket.assignee ?? "—"),
          cell("colSla", slaClock(ticket.due_at, ticket.state, signal)),
        ),
      ),
    ),
  );
}
