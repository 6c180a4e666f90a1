// /console/ops/recon: open mismatches by kind (how many, the oldest's age, the money), and the
// day's findings by kind (detected, cleared, amount), the continuous checks' and the settlement's.
import { reconReport, type ReconReport } from "../api/ops";
import { clockText } from "../domain/dates";
import { moneyText } from "../domain/money";
import { t } from "../i18n";
import type { PageContext } from "../router";
import { h, replaceChildren } from "../ui/dom";
import { sayDeskError } from "./consoleParts";
import { cell, opsFrame, opsTable } from "./opsParts";

export function opsReconPage(context: PageContext): void {
  if (!opsFrame(context, t("opsNavRecon"), "/console/ops/recon")) return;
  const { main, signal } = context;
  const formError = h("p", { class: "error form-error", role: "alert" });
  const body = h("div", {}, t("loading"));
  main.append(formError, body);
  reconReport(signal)
    .then((report) => {
      if (!signal.aborted) replaceChildren(body, ...dashboard(report));
    })
    .catch((error: unknown) => {
      if (signal.aborted) return;
      body.replaceChildren();
      sayDeskError(formError, error);
    });
}

function dashboard(report: ReconReport): Node[] {
  const open = report.open_mismatches.length
    ? opsTable(
        ["opsColKind", "opsColOpen", "opsColOldest", "opsColAmount"],
        report.open_mismatches.map((row) =>
          h(
            "tr",
            { "data-kind": row.kind },
            cell("opsColKind", row.kind),
            cell("opsColOpen", String(row.open)),
            cell("opsColOldest", clockText(row.oldest_seconds)),
            cell("opsColAmount", moneyText(row.amount_qepik)),
          ),
        ),
        "open-mismatches",
      )
    : h("p", { class: "muted" }, t("opsNoOpen"));
  const found = report.events.length
    ? opsTable(
        ["opsColKind", "opsColFrom", "opsColDetected", "opsColCleared", "opsColAmount"],
        report.events.map((row) =>
          h(
            "tr",
            { "data-kind": row.kind },
            cell("opsColKind", row.kind),
            cell(
              "opsColFrom",
              row.from === "settlement" ? t("opsFromSettlement") : t("opsFromChecks"),
            ),
            cell("opsColDetected", String(row.detected)),
            cell("opsColCleared", String(row.cleared)),
            cell("opsColAmount", moneyText(row.amount_qepik)),
          ),
        ),
        "day-findings",
      )
    : h("p", { class: "muted" }, t("opsNoFindings"));
  const sum = (pick: (row: ReconReport["events"][number]) => number) =>
    report.events.reduce((total, row) => total + pick(row), 0);
  const total = h(
    "p",
    { id: "day-total" },
    t("opsDayTotal", {
      detected: sum((row) => row.detected),
      cleared: sum((row) => row.cleared),
      amount: moneyText(sum((row) => row.amount_qepik)),
    }),
  );
  return [
    h("h2", {}, t("opsOpenTitle")),
    open,
    h("h2", {}, t("opsDayTitle", { day: report.day })),
    found,
    total,
  ];
}
