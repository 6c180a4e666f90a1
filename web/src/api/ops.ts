// ops-desk for ops staff: every call carries the console session's token; the live stream is
// opened with a one-minute ticket, since EventSource cannot send the token itself.
import { session } from "./desk";
import { request } from "./http";

export interface PaymentRow {
  id: string;
  state: string;
  service_id: string;
  account: string;
  amount_qepik: number | null;
  total_qepik: number | null;
  created_at: string | null;
}

export interface StoryEntry {
  at: string;
  source: string;
  text: string;
  kind: string;
}

export interface Story {
  payment_id: string;
  header: { label: string; value: string }[];
  entries: StoryEntry[];
}

export interface LiveEvent {
  topic: string;
  id: string;
  type: string;
  subject: string;
  source: string;
  time: string;
  facts: { name: string; value: string }[];
  kind: string;
}

export interface DeadLetter {
  id: string;
  service: string;
  topic: string;
  type: string | null;
  subject: string | null;
  event_id: string | null;
  error: string;
  parked_at: string | null;
  replays: number;
  replayed_at: string | null;
}

export interface Replayed {
  id: string;
  service: string;
  topic: string;
  type: string;
  handled_again: boolean;
}

export interface ReconReport {
  day: string;
  open_mismatches: {
    kind: string;
    open: number;
    oldest_seconds: number;
    amount_qepik: number;
    without_amount: number;
  }[];
  events: { kind: string; from: string; detected: number; cleared: number; amount_qepik: number }[];
}

function bearer(): Record<string, string> {
  return { Authorization: `Bearer ${session()?.token ?? ""}` };
}

function get<T>(path: string, signal: AbortSignal): Promise<T> {
  return request<T>("GET", `/api/ops${path}`, { headers: bearer(), signal });
}

export function findPayments(filter: Record<string, string>, signal: AbortSignal) {
  const query = new URLSearchParams(Object.entries(filter).filter(([, value]) => value));
  return get<{ payments: PaymentRow[] }>(`/payments?${query}`, signal);
}

export function paymentStory(paymentId: string, signal: AbortSignal) {
  return get<Story>(`/payments/${encodeURIComponent(paymentId)}`, signal);
}

export function deadLetters(signal: AbortSignal) {
  return get<{ dead_letters: DeadLetter[] }>("/dead-letters", signal);
}

export function replayLetter(letterId: string) {
  const path = `/api/ops/dead-letters/${encodeURIComponent(letterId)}/replay`;
  return request<Replayed>("POST", path, { headers: bearer() });
}

export function reconReport(signal: AbortSignal) {
  return get<ReconReport>("/recon", signal);
}

/** The stream's URL with a fresh ticket and the filters given. */
export async function streamUrl(filter: Record<string, string>): Promise<string> {
  const { ticket } = await request<{ ticket: string }>("POST", "/api/ops/events/stream-ticket", {
    headers: bearer(),
  });
  const query = new URLSearchParams(Object.entries(filter).filter(([, value]) => value));
  query.set("ticket", ticket);
  return `/api/ops/events/stream?${query}`;
}
