// The provider's answer about an account (holder, debt or balance), shown as the provider sent it.
import { lookup, type Lookup, type ServiceDetail } from "../api/catalog";
import { errorWords } from "../api/problemText";
import { t, words } from "../i18n";
import { moneyText } from "../domain/money";
import { h, replaceChildren } from "../ui/dom";
import type { Field } from "../ui/field";

export interface LookupPanel {
  button: HTMLButtonElement | null;
  panel: HTMLElement;
  show(found: Lookup | null): void;
}

export function lookupPanel(
  detail: ServiceDetail,
  account: () => Field,
  found: (answer: Lookup | null) => void,
  payDebt: (qepik: number) => void,
): LookupPanel {
  const panel = h("section", { class: "lookup", "aria-live": "polite" });
  const show = (answer: Lookup | null) => {
    if (!answer) return panel.replaceChildren();
    const rows: [string, string][] = [];
    if (answer.holder) rows.push([t("holder"), answer.holder]);
    if (answer.debt_qepik !== null) rows.push([t("debt"), moneyText(answer.debt_qepik)]);
    if (answer.balance_qepik !== null) rows.push([t("balance"), moneyText(answer.balance_qepik)]);
    const debt = answer.debt_qepik;
    replaceChildren(
      panel,
      h("h2", {}, t("providerSays")),
      h("dl", {}, ...rows.flatMap(([name, value]) => [h("dt", {}, name), h("dd", {}, value)])),
      debt
        ? h(
            "button",
            { type: "button", class: "secondary", onclick: () => payDebt(debt) },
            t("payDebt"),
          )
        : null,
    );
  };
  if (!detail.lookup_supported) {
    panel.append(h("p", { class: "note" }, t("noLookup")));
    return { button: null, panel, show: () => undefined };
  }
  const button = h("button", { type: "button", class: "secondary" }, t("checkAccount"));
  button.addEventListener("click", async () => {
    const field = account();
    if (!field.input.value.trim()) {
      field.setError(words("accountEmpty"));
      field.input.focus();
      return;
    }
    button.disabled = true;
    button.textContent = t("checking");
    field.setError(null);
    try {
      const answer = await lookup(detail.id, field.input.value);
      found(answer);
      show(answer);
    } catch (error) {
      found(null);
      show(null);
      field.setError(errorWords(error));
      field.input.focus();
    } finally {
      button.disabled = false;
      button.textContent = t("checkAccount");
    }
  });
  return { button, panel, show };
}
