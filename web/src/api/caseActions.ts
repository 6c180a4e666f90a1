// Actions on a payment's case (support-desk's /api/support/cases/{id}/actions): each request
// carries an Idempotency-Key made once per form, so pressing twice orders once.
import { ApiError, request } from "./http";
import { session, signOut } from "./desk";

export type CaseActionKind = "ask_provider" | "retry_activation" | "refund" | "confirm_activated";

export interface CaseAction {
  action_id: string;
  kind: CaseActionKind;
  state: "awaiting_approval" | "ordered";
  by: string;
  note: string;
  provider_reference: string | null;
  approved_by: string | null;
}

async function cases<T>(path: string, body: unknown, headers: Record<string, string> = {}) {
  const authorization = { Authorization: `Bearer ${session()?.token ?? ""}` };
  try {
    return await request<T>("POST", `/api/support/cases/${path}`, {
      body,
      headers: { ...authorization, ...headers },
    });
  } catch (error) {
    if (error instanceof ApiError && error.problem.status === 401) signOut();
    throw error;
  }
}

export function newActionKey(): string {
  const random = crypto.getRandomValues(new Uint8Array(16));
  return `desk-${Array.from(random, (byte) => byte.toString(16).padStart(2, "0")).join("")}`;
}

export function orderCaseAction(
  ticketId: string,
  key: string,
  kind: CaseActionKind,
  note: string,
  providerReference: string | null,
): Promise<CaseAction> {
  const body = {
    kind,
    note,
    ...(providerReference ? { provider_reference: providerReference } : {}),
  };
  return cases<CaseAction>(`${encodeURIComponent(ticketId)}/actions`, body, {
    "Idempotency-Key": key,
  });
}

export function approveCaseAction(ticketId: string, actionId: string): Promise<CaseAction> {
  const path = `${encodeURIComponent(ticketId)}/actions/${encodeURIComponent(actionId)}/approve`;
  return cases<CaseAction>(path, {});
}
