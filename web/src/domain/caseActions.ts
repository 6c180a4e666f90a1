// Which actions the console offers on a case, as support-desk decides them
// (domain/case_actions.py): open payment cases only, a specialist on their own case, one action of
// a kind, nothing after a refund or a confirmation, confirming by hand and approving a supervisor's.
import type { CaseAction, CaseActionKind } from "../api/caseActions";
import type { Desk } from "./deskActions";

export interface ActedCase {
  state: string;
  assignee: string | null;
  payment_id: string | null;
  mismatch_kind: string | null;
  actions?: CaseAction[];
}

const OPEN = ["new", "assigned", "waiting_for_customer"];
const KINDS: CaseActionKind[] = ["ask_provider", "retry_activation", "refund", "confirm_activated"];
const SETTLING: CaseActionKind[] = ["refund", "confirm_activated"];

export function allowedCaseActions(ticket: ActedCase, me: Desk): CaseActionKind[] {
  if (!OPEN.includes(ticket.state) || !ticket.payment_id || !ticket.mismatch_kind) return [];
  const supervisor = me.role === "supervisor";
  if (!supervisor && ticket.assignee !== me.username) return [];
  const earlier = (ticket.actions ?? []).map((action) => action.kind);
  if (earlier.some((kind) => SETTLING.includes(kind))) return [];
  return KINDS.filter(
    (kind) => !earlier.includes(kind) && (kind !== "confirm_activated" || supervisor),
  );
}

/** Waiting actions this person may approve: a supervisor's, never their own (four eyes). */
export function approvable(ticket: ActedCase, me: Desk): CaseAction[] {
  if (me.role !== "supervisor" || !OPEN.includes(ticket.state)) return [];
  return (ticket.actions ?? []).filter(
    (action) => action.state === "awaiting_approval" && action.by !== me.username,
  );
}
