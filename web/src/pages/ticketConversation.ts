// The ticket page's conversation (dated in Baku time) and the customer's reply box.
import { answerTicket, type TicketStatus } from "../api/support";
import { t } from "../i18n";
import { h } from "../ui/dom";
import { bakuTime, sayError } from "./formParts";

/** The customer's letter and every answer since, oldest first, each with who and when. */
export function conversationView(found: TicketStatus): Node[] {
  if (!found.conversation.length) return [];
  return [
    h("h3", {}, t("conversation")),
    h(
      "ol",
      { class: "conversation" },
      ...found.conversation.map((one) =>
        h(
          "li",
          { class: `from-${one.from}` },
          h(
            "p",
            { class: "said" },
            h("strong", {}, one.from === "customer" ? t("fromYou") : t("fromSpecialist")),
            " · ",
            h("time", { datetime: one.at }, bakuTime(one.at)),
          ),
          h("p", { class: "words" }, one.text),
        ),
      ),
    ),
  ];
}

/** An id for one answer, kept until it is delivered: sending again after a lost response
 * repeats the same answer, which the desk keeps once. */
function newReplyId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");
}

export function replyBox(
  known: { id: string; email: string },
  signal: AbortSignal,
  answered: (next: TicketStatus) => void,
): HTMLElement {
  const text = h("textarea", {
    id: "reply",
    name: "reply",
    rows: 4,
    maxlength: 5000,
    "aria-describedby": "reply-error",
  });
  const error = h("p", { class: "error", id: "reply-error", role: "alert" });
  const send = h("button", { type: "submit", class: "primary" }, t("replySend"));
  let replyId: string | null = null;
  text.addEventListener("input", () => {
    replyId = null; // other words: another answer
    error.replaceChildren();
  });
  const form = h(
    "form",
    { class: "reply", novalidate: true },
    h("label", { for: "reply" }, t("replyLabel")),
    text,
    error,
    send,
  );
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    error.replaceChildren();
    const message = text.value.trim();
    if (!message) {
      error.textContent = t("replyEmpty");
      text.focus();
      return;
    }
    replyId ??= newReplyId();
    send.disabled = true;
    send.textContent = t("sending");
    try {
      const next = await answerTicket(known.id, {
        email: known.email,
        message,
        reply_id: replyId,
      });
      if (!signal.aborted) answered(next);
      return;
    } catch (failure) {
      if (signal.aborted) return;
      sayError(error, failure);
    }
    send.disabled = false;
    send.textContent = t("replySend");
  });
  return form;
}
