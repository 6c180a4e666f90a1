// What a specialist may do to a ticket now, as support-desk decides it (states.py, permissions.py),
// so the console offers only those actions.
export type DeskAction = "assign" | "reply" | "resolve" | "redirect";

export interface Desk {
  username: string;
  role: string;
}

const OPEN = ["new", "assigned", "waiting_for_customer"];

export function allowedActions(state: string, assignee: string | null, me: Desk): DeskAction[] {
  if (!OPEN.includes(state)) return []; // resolved or redirected: closed for good
  const supervisor = me.role === "supervisor";
  const mine = assignee === me.username;
  const actions: DeskAction[] = [];
  // A specialist takes a free ticket; giving away someone else's is a supervisor's.
  if (!mine && (assignee === null || supervisor)) actions.push("assign");
  if (!mine && !supervisor) return actions;
  // A reply needs someone working on it: a new ticket is taken first.
  if (state !== "new") actions.push("reply");
  actions.push("resolve", "redirect");
  return actions;
}
