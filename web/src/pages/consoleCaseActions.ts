// On a payment's case: the actions this person may order, each behind a confirmation saying what
// will happen, and the actions already ordered (with approve for a second supervisor).
import {
  approveCaseAction,
  newActionKey,
  orderCaseAction,
  type CaseAction,
  type CaseActionKind,
} from "../api/caseActions";
import type { Desk } from "../domain/deskActions";
import { allowedCaseActions, approvable, type ActedCase } from "../domain/caseActions";
import { t, words } from "../i18n";
import type { MessageKey } from "../i18n/az";
import { h } from "../ui/dom";
import { field, type FormControl } from "../ui/field";
import { textInput } from "./formParts";

const NAMES: Record<CaseActionKind, [MessageKey, MessageKey]> = {
  ask_provider: ["caseKindAskProvider", "caseWhatAskProvider"],
  retry_activation: ["caseKindRetryActivation", "caseWhatRetryActivation"],
  refund: ["caseKindRefund", "caseWhatRefund"],
  confirm_activated: ["caseKindConfirmActivated", "caseWhatConfirmActivated"],
};

/** `act` runs the request with the button disabled, shows `done` and reloads the case. */
export type Act = (work: () => Promise<CaseAction>, button: HTMLButtonElement) => void;

export function caseActions(ticket: ActedCase & { ticket_id: string }, me: Desk, act: Act) {
  const kinds = allowedCaseActions(ticket, me);
  const waiting = approvable(ticket, me);
  const earlier = ticket.actions ?? [];
  if (!kinds.length && !earlier.length) return null;
  const confirmation = h("div", { id: "case-action-confirmation" });
  const buttons = kinds.map((kind) => {
    const button = h(
      "button",
      { type: "button", class: "secondary", id: `case-action-${kind}` },
      t(NAMES[kind][0]),
    );
    button.addEventListener("click", () =>
      confirmation.replaceChildren(confirmForm(ticket.ticket_id, kind, act)),
    );
    return button;
  });
  return h(
    "section",
    { class: "desk-case-actions", id: "case-actions" },
    h("h2", {}, t("caseActionsTitle")),
    earlier.length
      ? h(
          "ul",
          { id: "case-action-list" },
          ...earlier.map((one) => actionLine(ticket.ticket_id, one, waiting, act)),
        )
      : null,
    ...buttons,
    confirmation,
  );
}

function actionLine(ticketId: string, action: CaseAction, waiting: CaseAction[], act: Act) {
  const state = t(action.state === "ordered" ? "caseStateOrdered" : "caseStateAwaiting");
  const line = h(
    "li",
    {},
    t("caseActionLine", { kind: t(NAMES[action.kind][0]), state, who: action.by }),
  );
  if (waiting.some((one) => one.action_id === action.action_id)) {
    const approve = h(
      "button",
      { type: "button", class: "primary", id: `approve-${action.action_id}` },
      t("caseApprove"),
    );
    approve.addEventListener("click", () =>
      act(() => approveCaseAction(ticketId, action.action_id), approve),
    );
    line.append(" ", approve);
  }
  return line;
}

/** What will happen, the note (and the provider's reference to confirm), and the one button. */
function confirmForm(ticketId: string, kind: CaseActionKind, act: Act): HTMLElement {
  const key = newActionKey(); // one per form: a second press is the same order
  const note = field<FormControl>({
    label: t("caseNote"),
    input: h("textarea", { id: "case-note", name: "note", rows: 3, maxlength: 500 }),
  });
  const reference =
    kind === "confirm_activated"
      ? field<FormControl>({
          label: t("caseReference"),
          input: textInput("case-reference", { maxlength: "64" }),
        })
      : null;
  const button = h(
    "button",
    { type: "submit", class: "primary", id: "case-action-confirm" },
    t("caseConfirm"),
  );
  const form = h(
    "form",
    { class: "desk-action", id: "case-action-form", novalidate: true },
    h("p", { class: "note", id: "case-action-what" }, t(NAMES[kind][1])),
    note.root,
    reference?.root ?? null,
    button,
  );
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const text = note.input.value.trim();
    const ref = reference?.input.value.trim() ?? "";
    note.setError(text.length < 3 ? words("fieldRequired") : null);
    reference?.setError(ref === "" ? words("fieldRequired") : null);
    if (text.length < 3 || (reference && ref === "")) return;
    act(() => orderCaseAction(ticketId, key, kind, text, ref || null), button);
  });
  return form;
}
