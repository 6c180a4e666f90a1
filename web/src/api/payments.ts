// The payments API (checkout behind /api/payments): start a payment, follow it.
import type { Language, Localized } from "../i18n";
import { request } from "./http";

export type PaymentState =
  "initiated" | "debited" | "completed" | "declined" | "expired" | "refund_pending" | "refunded";

export interface NewPayment {
  service_id: string;
  account: string;
  amount: string;
  email?: string;
  language: Language;
}

export interface Money {
  qepik: number;
  text: string;
}

export interface CreatedPayment {
  payment_id: string;
  payment_page_url: string;
  total: Money;
}

export interface HistoryStep {
  state: PaymentState;
  at: string;
  reason: string;
  text: Localized;
}

export interface PaymentView {
  payment_id: string;
  service_id: string;
  account: string;
  amount: Money;
  fee: Money;
  total: Money;
  state: PaymentState;
  final: boolean;
  history: HistoryStep[];
  next_step: Localized;
  payment_page_url?: string;
  decline_reason?: string;
  /** After a decline: each FAQ point that fits the bank's reason, and the FAQ's answer. */
  advice?: (Localized & { point: string })[];
  faq_url?: string;
  receipt_url?: string;
  refund_reference?: string;
  receipt_pdf_url?: string;
}

export function createPayment(body: NewPayment, idempotencyKey: string): Promise<CreatedPayment> {
  return request<CreatedPayment>("POST", "/api/payments", {
    body,
    headers: { "Idempotency-Key": idempotencyKey },
  });
}

export function payment(id: string, signal?: AbortSignal): Promise<PaymentView> {
  const options = signal ? { signal } : {};
  return request<PaymentView>("GET", `/api/payments/${encodeURIComponent(id)}`, options);
}
