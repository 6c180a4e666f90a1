// /console/ops: open a payment's story by its number, or find payments by account, state or
// service; /console/ops/payments/:id: the story as a timeline, every service's part in time order.
import { findPayments, paymentStory, type PaymentRow, type Story } from "../api/ops";
import { t } from "../i18n";
import { navigate, type PageContext } from "../router";
import { h, replaceChildren } from "../ui/dom";
import { field } from "../ui/field";
import { moneyText } from "../domain/money";
import { sayDeskError } from "./consoleParts";
import { bakuTime, textInput } from "./formParts";
import { cell, opsFrame, opsTable } from "./opsParts";

const FILTERS = [
  ["account", "opsAccount"],
  ["state", "opsState"],
  ["service", "opsService"],
] as const;

export function opsPaymentsPage(context: PageContext): void {
  if (!opsFrame(context, t("opsNavPayments"), "/console/ops")) return;
  const { main, query, signal } = context;
  const paymentId = field({ label: t("opsPaymentId"), input: textInput("payment-id") });
  const open = h(
    "form",
    { class: "console-filters", id: "open-story" },
    paymentId.root,
    h("button", { type: "submit", class: "primary" }, t("opsOpenStory")),
  );
  open.addEventListener("submit", (event) => {
    event.preventDefault();
    const id = paymentId.input.value.trim();
    if (id) navigate(`/console/ops/payments/${encodeURIComponent(id)}`);
  });
  const inputs = FILTERS.map(([name, label]) => {
    const input = field({ label: t(label), input: textInput(name) });
    input.input.value = query.get(name) ?? "";
    return [name, input] as const;
  });
  const search = h(
    "form",
    { class: "console-filters", role: "search", id: "find-payments" },
    ...inputs.map(([, input]) => input.root),
    h("button", { type: "submit", class: "primary" }, t("find")),
  );
  search.addEventListener("submit", (event) => {
    event.preventDefault();
    const next = new URLSearchParams();
    for (const [name, input] of inputs)
      if (input.input.value.trim()) next.set(name, input.input.value.trim());
    navigate(`/console/ops${next.size ? `?${next}` : ""}`);
  });
  const formError = h("p", { class: "error form-error", role: "alert" });
  const results = h("div", { "aria-live": "polite" });
  main.append(open, h("h2", {}, t("opsFindTitle")), search, formError, results);
  const filter = Object.fromEntries(FILTERS.map(([name]) => [name, query.get(name) ?? ""]));
  if (!Object.values(filter).some(Boolean)) return;
  replaceChildren(results, t("loading"));
  findPayments(filter, signal)
    .then(({ payments }) => {
      if (!signal.aborted) replaceChildren(results, paymentsTable(payments));
    })
    .catch((error: unknown) => {
      if (signal.aborted) return;
      results.replaceChildren();
      sayDeskError(formError, error);
    });
}

function paymentsTable(payments: PaymentRow[]): Node {
  if (!payments.length) return h("p", { class: "muted" }, t("opsNoPayments"));
  const rows = payments.map((payment) =>
    h(
      "tr",
      { "data-payment": payment.id },
      cell("opsColPayment", h("a", { href: `/console/ops/payments/${payment.id}` }, payment.id)),
      cell("opsColState", payment.state),
      cell("opsColService", payment.service_id),
      cell("opsColAccount", payment.account),
      cell("opsColAmount", payment.total_qepik === null ? "—" : moneyText(payment.total_qepik)),
      cell("opsColCreated", payment.created_at ? bakuTime(payment.created_at) : "—"),
    ),
  );
  return opsTable(
    [
      "opsColPayment",
      "opsColState",
      "opsColService",
      "opsColAccount",
      "opsColAmount",
      "opsColCreated",
    ],
    rows,
    "payments",
  );
}

export function opsStoryPage(context: PageContext): void {
  const paymentId = decodeURIComponent(context.params[0] ?? "");
  if (!opsFrame(context, t("opsStoryTitle", { id: paymentId }), "")) return;
  const { main, signal } = context;
  const formError = h("p", { class: "error form-error", role: "alert" });
  const body = h("div", { "aria-live": "polite" }, t("loading"));
  main.append(h("p", {}, h("a", { href: "/console/ops" }, t("opsBack"))), formError, body);
  paymentStory(paymentId, signal)
    .then((story) => {
      if (!signal.aborted) replaceChildren(body, ...storyParts(story));
    })
    .catch((error: unknown) => {
      if (signal.aborted) return;
      body.replaceChildren();
      sayDeskError(formError, error);
    });
}

function storyParts(story: Story): Node[] {
  const facts = h(
    "dl",
    { class: "facts", id: "story-header" },
    ...story.header.flatMap(({ label, value }) => [h("dt", {}, label), h("dd", {}, value)]),
  );
  const timeline = h(
    "ol",
    { class: "trail timeline", id: "timeline" },
    ...story.entries.map((entry) =>
      h(
        "li",
        { class: `kind-${entry.kind}` },
        h("time", { datetime: entry.at }, bakuTime(entry.at, true)),
        " ",
        h("strong", {}, entry.source),
        " ",
        h("span", { class: "entry-text" }, entry.text),
      ),
    ),
  );
  return [facts, h("h2", {}, t("opsTimeline")), timeline];
}
