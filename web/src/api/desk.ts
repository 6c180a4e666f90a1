// support-desk for specialists: sign in (token in sessionStorage), the queue, one ticket, actions.
import type { Localized } from "../i18n";
import type { CaseAction } from "./caseActions";
import { ApiError, NetworkError, request } from "./http";

const SESSION_KEY = "console.session";

export interface Session {
  token: string;
  username: string;
  role: string;
}

export interface TicketSummary {
  ticket_id: string;
  state: string;
  state_text: Localized;
  origin: string;
  category: string;
  subject: string;
  customer: { name: string; email: string } | null;
  payment_id: string | null;
  assignee: string | null;
  opened_at: string;
  due_at: string;
  overdue: boolean;
  seconds_left: number | null;
}

export interface TrailEntry {
  at: string;
  action: string;
  by: string | null;
  text: string | null;
  ref: string | null;
}

export interface StaffTicket extends Omit<TicketSummary, "customer"> {
  customer: { first_name: string; last_name: string; email: string } | null;
  sla_hours: number;
  message: string | null;
  imeis: string[];
  mismatch_kind: string | null;
  facts: Record<string, unknown>;
  institution: string | null;
  resolution: string | null;
  trail: TrailEntry[];
  actions?: CaseAction[]; // on a payment's case: what specialists ordered
}

export function session(): Session | null {
  try {
    const raw = sessionStorage.getItem(SESSION_KEY);
    return raw ? (JSON.parse(raw) as Session) : null;
  } catch {
    return null;
  }
}

export function signOut(): void {
  try {
    sessionStorage.removeItem(SESSION_KEY);
  } catch {
    // nothing kept
  }
}

export async function signIn(username: string, password: string): Promise<Session> {
  let response: Response;
  try {
    response = await fetch("/api/support/auth/token", {
      method: "POST",
      headers: { Accept: "application/json" },
      body: new URLSearchParams({ username, password }),
      credentials: "same-origin",
    });
  } catch (error) {
    throw new NetworkError(String(error));
  }
  const payload = (await response.json().catch(() => null)) as Record<string, unknown> | null;
  if (!response.ok || !payload) {
    const problem = payload && "code" in payload ? payload : {};
    throw new ApiError(
      {
        status: response.status,
        code: String(problem.code ?? "http_" + response.status),
        message: (problem.message as Record<string, string>) ?? {},
      },
      null,
    );
  }
  const signed: Session = {
    token: String(payload.access_token),
    username: String(payload.username),
    role: String(payload.role),
  };
  sessionStorage.setItem(SESSION_KEY, JSON.stringify(signed));
  return signed;
}

async function desk<T>(
  method: string,
  path: string,
  body?: unknown,
  signal?: AbortSignal,
): Promise<T> {
  const headers = { Authorization: `Bearer ${session()?.token ?? ""}` };
  try {
    return await request<T>(method, `/api/support/tickets${path}`, {
      body,
      headers,
      ...(signal ? { signal } : {}),
    });
  } catch (error) {
    if (error instanceof ApiError && error.problem.status === 401) signOut();
    throw error;
  }
}

export interface QueueFilter {
  state?: string;
  category?: string;
  q?: string;
}

export function queue(filter: QueueFilter, signal?: AbortSignal) {
  const query = new URLSearchParams({ limit: "100" });
  for (const [key, value] of Object.entries(filter)) if (value) query.set(key, value);
  return desk<{ tickets: TicketSummary[]; count: number }>("GET", `?${query}`, undefined, signal);
}

const one = (id: string) => `/${encodeURIComponent(id)}`;

export function staffTicket(id: string, signal?: AbortSignal): Promise<StaffTicket> {
  return desk<StaffTicket>("GET", one(id), undefined, signal);
}

export function assignToMe(id: string): Promise<StaffTicket> {
  return desk<StaffTicket>("POST", `${one(id)}/assign`, {});
}

export function reply(id: string, message: string): Promise<StaffTicket> {
  return desk<StaffTicket>("POST", `${one(id)}/replies`, { message });
}

export function resolve(id: string, resolution: string): Promise<StaffTicket> {
  return desk<StaffTicket>("POST", `${one(id)}/resolve`, { resolution });
}

export function redirect(id: string, institution: string, note: string): Promise<StaffTicket> {
  return desk<StaffTicket>("POST", `${one(id)}/redirect`, { institution, note });
}
