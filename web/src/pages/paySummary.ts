// Amount, commission and total, computed as typed with the service's own commission rule.
import type { CommissionRule } from "../api/catalog";
import { commission, isFree, moneyText } from "../domain/money";
import { t } from "../i18n";
import { h } from "../ui/dom";

export interface PaySummary {
  root: HTMLElement;
  show(amountQepik: number | null): void;
}

export function paySummary(rule: CommissionRule): PaySummary {
  const amount = h("output", { id: "sum-amount" });
  const fee = h("output", { id: "sum-fee" });
  const total = h("output", { id: "sum-total" });
  const root = h(
    "dl",
    { class: "summary" },
    h("dt", {}, t("amountShort")),
    h("dd", {}, amount),
    h("dt", {}, t("commission")),
    h("dd", {}, fee),
    h("dt", { class: "total" }, t("total")),
    h("dd", { class: "total" }, total),
  );
  return {
    root,
    show(amountQepik) {
      const feeQepik = amountQepik === null ? null : commission(rule, amountQepik);
      amount.textContent = amountQepik === null ? "—" : moneyText(amountQepik);
      if (isFree(rule)) fee.textContent = t("commissionFree");
      else fee.textContent = feeQepik === null ? "—" : moneyText(feeQepik);
      total.textContent =
        amountQepik === null || feeQepik === null ? "—" : moneyText(amountQepik + feeQepik);
    },
  };
}
