// support-desk: the contact form ("Məktub yaz") and a ticket's status for its customer.
import { language, type Localized } from "../i18n";
import { request } from "./http";

export interface NewTicket {
  first_name: string;
  last_name: string;
  email: string;
  subject: string;
  message: string;
  payment_id?: string;
  imeis?: string[];
  category?: string;
}

export interface CreatedTicket {
  ticket_id: string;
  sla_hours: number;
  due_at: string;
  status_url: string;
  confirmation_sent_to: string | null;
}

export interface TicketStatus {
  ticket_id: string;
  state: string;
  state_text: Localized;
  subject: string;
  opened_at: string;
  due_at: string;
  sla_hours: number;
  answers: { at: string; text: string }[];
  /** The customer's letter, then each answer either side sent, oldest first. */
  conversation: { at: string; from: "customer" | "specialist"; text: string }[];
  can_reply: boolean;
  institution: string | null;
  resolution: string | null;
  case?: CaseProgress;
}

/** As JSON, or as multipart/form-data when the customer attached a photo (PNG, JPEG, WebP); in
 * the page's language, which the ticket's letters are then written in. */
export function submitTicket(letter: NewTicket, attachment?: File): Promise<CreatedTicket> {
  const body = { ...letter, language: language() };
  if (!attachment) return request<CreatedTicket>("POST", "/api/support/tickets", { body });
  const form = new FormData();
  for (const [name, value] of Object.entries(body)) {
    if (value !== undefined) form.append(name, String(value));
  }
  form.append("attachment", attachment, attachment.name);
  return request<CreatedTicket>("POST", "/api/support/tickets", { body: form });
}

export function ticketStatus(id: string, email: string): Promise<TicketStatus> {
  const query = new URLSearchParams({ email });
  return request<TicketStatus>("GET", `/api/support/tickets/${encodeURIComponent(id)}?${query}`);
}

/** The customer's answer; the same `reply_id` sent twice (a lost response) is kept once. */
export function answerTicket(
  id: string,
  body: { email: string; message: string; reply_id: string },
): Promise<TicketStatus> {
  return request<TicketStatus>("POST", `/api/support/tickets/${encodeURIComponent(id)}/answers`, {
    body,
  });
}

export interface CaseOutcome {
  ended: "activated" | "refunded" | "paid" | "settled";
  provider_reference?: string | null;
  refund_reference?: string | null;
  refund_total?: string | null;
}

export interface CaseProgress {
  payment_id: string | null;
  kind: string | null;
  kind_text: Localized | null;
  outcome: CaseOutcome | null;
}

export interface PaymentCase extends CaseProgress {
  ticket_id: string;
  state: string;
  state_text: Localized;
  final: boolean;
  opened_at: string;
  due_at: string;
}

/** The automatic cases of a payment, known by its number alone (nothing personal in them). */
export async function casesOf(paymentId: string, signal?: AbortSignal): Promise<PaymentCase[]> {
  const query = new URLSearchParams({ payment: paymentId });
  const options = signal ? { signal } : {};
  const found = await request<{ cases: PaymentCase[] }>(
    "GET",
    `/api/support/cases?${query}`,
    options,
  );
  return found.cases;
}
