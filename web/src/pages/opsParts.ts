// What every ops page shares: the ops-only guard, the title and the ops menu, and table cells
// that name their column (the table becomes cards on a phone, like the specialists' queue).
import { session } from "../api/desk";
import { t } from "../i18n";
import type { MessageKey } from "../i18n/az";
import { navigate, type PageContext } from "../router";
import { h } from "../ui/dom";
import { setTitle } from "../ui/title";
import { signedInBar } from "./consoleParts";

const MENU: [string, MessageKey][] = [
  ["/console/ops", "opsNavPayments"],
  ["/console/ops/events", "opsNavEvents"],
  ["/console/ops/dead-letters", "opsNavDeadLetters"],
  ["/console/ops/recon", "opsNavRecon"],
];

/** The page's frame for a signed-in ops member; false (and the sign-in, or a refusal) otherwise. */
export function opsFrame({ main }: PageContext, heading: string, here: string): boolean {
  setTitle(heading);
  main.classList.add("desk");
  const signed = session();
  if (!signed) {
    navigate("/console", true);
    return false;
  }
  if (signed.role !== "ops") {
    main.append(
      h("h1", {}, t("opsTitle")),
      h("p", { class: "error", role: "alert" }, t("opsOnly")),
    );
    return false;
  }
  const menu = h(
    "nav",
    { class: "ops-menu", "aria-label": t("opsTitle") },
    ...MENU.map(([path, key]) =>
      h("a", { href: path, "aria-current": path === here ? "page" : null }, t(key)),
    ),
  );
  const bar = signedInBar(signed);
  main.append(h("p", { class: "ops-title muted" }, t("opsTitle")), bar, menu, h("h1", {}, heading));
  return true;
}

/** A cell that names its column, for the cards a table becomes on a phone. */
export function cell(column: MessageKey, content: Node | string): HTMLElement {
  return h("td", { "data-label": t(column) }, content);
}

export function opsTable(columns: MessageKey[], rows: HTMLElement[], id: string): HTMLElement {
  return h(
    "table",
    { class: "queue-table ops-table", id },
    h("thead", {}, h("tr", {}, ...columns.map((key) => h("th", { scope: "col" }, t(key))))),
    h("tbody", {}, ...rows),
  );
}
