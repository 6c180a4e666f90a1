// Money as integer qəpik, as every API sends it; the commission computed as provider-gateway does.
import type { CommissionRule } from "../api/catalog";

const AMOUNT = /^(\d{1,12})(?:[.,](\d{1,2}))?$/;

/** "10", "10.5" or "10,50" → qəpik; null when it is not an amount. */
export function parseAmount(text: string): number | null {
  const match = AMOUNT.exec(text.trim());
  if (!match) return null;
  const manat = Number(match[1]);
  const qepik = Number((match[2] ?? "").padEnd(2, "0"));
  return manat * 100 + qepik;
}

/** 1050 → "10.50", the form the payments API and receipts use. */
export function decimalText(qepik: number): string {
  const manat = Math.floor(qepik / 100);
  return `${manat}.${String(qepik % 100).padStart(2, "0")}`;
}

export function moneyText(qepik: number): string {
  return `${decimalText(qepik)} AZN`;
}

/** fee = max(amount × bp / 10 000 rounded half up, minimum) + fixed (provider_gateway.domain.commission). */
export function commission(rule: CommissionRule, amountQepik: number): number {
  const share = Math.floor((amountQepik * rule.basis_points + 5_000) / 10_000);
  return Math.max(share, rule.minimum_qepik) + rule.fixed_qepik;
}

export function isFree(rule: CommissionRule): boolean {
  return rule.basis_points === 0 && rule.minimum_qepik === 0 && rule.fixed_qepik === 0;
}
