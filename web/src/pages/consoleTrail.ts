// A ticket's trail for the specialist: each step in words, in Baku time, with what was written.
import type { TrailEntry } from "../api/desk";
import { t } from "../i18n";
import { h } from "../ui/dom";
import { bakuTime } from "./formParts";

export function trailList(trail: TrailEntry[]): HTMLElement {
  return h(
    "ol",
    { class: "trail" },
    ...trail.map((entry) =>
      h(
        "li",
        {},
        h("time", { datetime: entry.at }, bakuTime(entry.at)),
        " — ",
        trailWords(entry),
        shownText(entry) ? h("div", { class: "trail-text" }, entry.text) : null,
      ),
    ),
  );
}

function who(by: string | null): string {
  if (by === "customer") return t("byCustomer");
  if (by === "system") return t("bySystem");
  return by ?? t("bySystem");
}

/** A trail entry in words; its references (event and mail ids) are the system's, not shown. */
function trailWords(entry: TrailEntry): string {
  const by = who(entry.by);
  switch (entry.action) {
    case "opened":
      return entry.by === "customer" ? t("trailOpenedByCustomer") : t("trailOpenedBySystem");
    case "event":
      return t("trailEvent");
    case "detected_again":
      return t("trailDetectedAgain");
    case "assigned": {
      const assignee = (entry.text ?? "").split(" (by ")[0] || by;
      return assignee === entry.by
        ? t("trailAssigned", { who: by })
        : t("trailAssignedTo", { who: by, name: assignee });
    }
    case "reply_sent":
      return t("trailReplySent", { who: by });
    case "customer_replied":
      return t("trailCustomerReplied");
    case "note":
      return t("trailNote", { who: by });
    case "resolved":
      return t("trailResolved", { who: by });
    case "redirected":
      return t("trailRedirected", { who: by });
    case "action_requested":
      return t("trailActionRequested", { who: by });
    case "action_approved":
      return t("trailActionApproved", { who: by });
    default:
      return t("trailOther", { who: by });
  }
}

/** The words a person wrote (or the event's name); not the system's own bookkeeping. */
function shownText(entry: TrailEntry): boolean {
  if (!entry.text) return false;
  return !["opened", "assigned", "detected_again"].includes(entry.action);
}
