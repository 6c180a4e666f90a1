// /console: the specialists' sign-in and ticket queue (filters, search, an SLA clock per ticket).
import { queue, session, signIn, type TicketSummary } from "../api/desk";
import { t } from "../i18n";
import type { MessageKey } from "../i18n/az";
import { navigate, type PageContext } from "../router";
import { h, replaceChildren } from "../ui/dom";
import { field } from "../ui/field";
import { setTitle } from "../ui/title";
import {
  CATEGORIES,
  sayDeskError,
  signedInBar,
  slaClock,
  stateLabel,
  STATES,
} from "./consoleParts";
import { sayError, textInput } from "./formParts";

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
