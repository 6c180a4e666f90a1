// The console's shared parts: ticket states and categories in words, the SLA clock, the
// signed-in bar, and how a desk error is said; used by the desk's and the ops pages.
import { signOut, type Session } from "../api/desk";
import { ApiError } from "../api/http";
import { errorWords } from "../api/problemText";
import { clockText } from "../domain/dates";
import { t } from "../i18n";
import type { MessageKey } from "../i18n/az";
import { navigate } from "../router";
import { h, replaceChildren } from "../ui/dom";
import { sayError } from "./formParts";

export const STATES: [string, MessageKey][] = [
  ["new", "stateNew"],
  ["assigned", "stateAssigned"],
  ["waiting_for_customer", "stateWaiting"],
  ["resolved", "stateResolved"],
  ["redirected", "stateRedirected"],
];

export const CATEGORIES: [string, MessageKey][] = [
  ["payment_problem", "catPayment"],
  ["reconciliation_mismatch", "catMismatch"],
  ["imei_device_type_mismatch", "catImei"],
  ["other", "catOther"],
];

/** 401 sends the specialist back to sign in; 403 and 409 say what the server said, plainly. */
export function sayDeskError(into: HTMLElement, error: unknown): void {
  if (error instanceof ApiError) {
    const status = error.problem.status;
    if (status === 401) {
      navigate("/console?expired=1", true);
      return;
    }
    const reason = errorWords(error).text;
    if (status === 403) return replaceChildren(into, t("forbiddenAction", { reason }));
    const state = (error.problem as { state?: string }).state;
    if (status === 409 && state) {
      return replaceChildren(into, t("wrongState", { state: stateWords(state) }));
    }
  }
  sayError(into, error);
}

function slaText(dueAt: string, state: string): { text: string; overdue: boolean } {
  if (state !== "new" && state !== "assigned") return { text: t("clockStopped"), overdue: false };
  const seconds = Math.round((Date.parse(dueAt) - Date.now()) / 1000);
  const time = clockText(seconds);
  return seconds >= 0
    ? { text: t("timeLeft", { time }), overdue: false }
    : { text: t("overdueBy", { time }), overdue: true };
}

/** An element whose SLA countdown ticks every second until the page is left. */
export function slaClock(dueAt: string, state: string, signal: AbortSignal): HTMLElement {
  const element = h("span", { class: "sla" });
  const tick = () => {
    const { text, overdue } = slaText(dueAt, state);
    element.textContent = text;
    element.classList.toggle("overdue", overdue);
  };
  tick();
  const timer = window.setInterval(tick, 1000);
  signal.addEventListener("abort", () => window.clearInterval(timer));
  return element;
}

/** The console's own name of a state: the same in the filter, the queue and the ticket. */
export function stateWords(state: string): string {
  const known = STATES.find(([value]) => value === state);
  return known ? t(known[1]) : state;
}

export function stateLabel(state: string): Node {
  return h("span", { class: `desk-state state-${state}` }, stateWords(state));
}

export function roleWords(role: string): string {
  if (role === "supervisor") return t("roleSupervisor");
  if (role === "ops") return t("roleOps");
  return role === "specialist" ? t("roleSpecialist") : role;
}

/** Who is signed in, and the way out: the same bar on the desk's and the ops pages. */
export function signedInBar(signed: Session): HTMLElement {
  return h(
    "p",
    { class: "console-bar" },
    h(
      "span",
      { id: "signed-in" },
      t("signedInAs", { name: signed.username, role: roleWords(signed.role) }),
    ),
    " ",
    h(
      "button",
      {
        type: "button",
        class: "secondary",
        id: "sign-out",
        onclick: () => {
          signOut();
          navigate("/console", true);
        },
      },
      t("signOut"),
    ),
  );
}
