// /console/ops/dead-letters: events the services parked after 5 failures; a replay (confirmed
// first) puts one back on its topic with its own id.
import { deadLetters, replayLetter, type DeadLetter } from "../api/ops";
import { t } from "../i18n";
import type { PageContext } from "../router";
import { h, replaceChildren } from "../ui/dom";
import { sayDeskError } from "./consoleParts";
import { bakuTime } from "./formParts";
import { cell, opsFrame, opsTable } from "./opsParts";

export function opsDeadLettersPage(context: PageContext): void {
  if (!opsFrame(context, t("opsNavDeadLetters"), "/console/ops/dead-letters")) return;
  const { main, signal } = context;
  const formError = h("p", { class: "error form-error", role: "alert" });
  const body = h("div", {}, t("loading"));
  main.append(formError, body);
  deadLetters(signal)
    .then(({ dead_letters: letters }) => {
      if (signal.aborted) return;
      if (!letters.length)
        return replaceChildren(body, h("p", { class: "muted" }, t("opsNoDeadLetters")));
      replaceChildren(
        body,
        opsTable(
          [
            "opsColService2",
            "opsColTopic",
            "opsColType",
            "opsColSubject",
            "opsColError",
            "opsColParked",
            "opsColReplays",
          ],
          letters.map(letterRow),
          "dead-letters",
        ),
      );
    })
    .catch((error: unknown) => {
      if (signal.aborted) return;
      body.replaceChildren();
      sayDeskError(formError, error);
    });
}

function letterRow(letter: DeadLetter): HTMLElement {
  const replays = h("span", { class: "replays" }, String(letter.replays));
  const said = h("p", { class: "replay-said", role: "status" });
  const actions = h("div", { class: "replay-actions" });
  const offer = () => {
    if (!letter.type) return actions.replaceChildren();
    const replay = h("button", { type: "button", class: "secondary replay" }, t("opsReplay"));
    replay.addEventListener("click", confirm);
    replaceChildren(actions, replay);
  };
  const confirm = () => {
    const yes = h(
      "button",
      { type: "button", class: "primary replay-confirm" },
      t("opsReplayConfirm", { type: letter.type ?? "", topic: letter.topic }),
    );
    const no = h("button", { type: "button", class: "secondary" }, t("opsCancel"));
    no.addEventListener("click", offer);
    yes.addEventListener("click", async () => {
      yes.disabled = no.disabled = true;
      try {
        const done = await replayLetter(letter.id);
        replays.textContent = String(Number(replays.textContent) + 1);
        said.textContent = done.handled_again
          ? t("opsReplayed", { service: done.service })
          : t("opsReplayedAgain");
      } catch (error) {
        sayDeskError(said, error);
      }
      offer();
    });
    replaceChildren(actions, yes, " ", no);
    yes.focus();
  };
  offer();
  return h(
    "tr",
    { "data-letter": letter.id },
    cell("opsColService2", letter.service),
    cell("opsColTopic", letter.topic),
    cell("opsColType", letter.type ?? "—"),
    cell("opsColSubject", letter.subject ?? "—"),
    cell("opsColError", letter.error),
    cell("opsColParked", letter.parked_at ? bakuTime(letter.parked_at, true) : "—"),
    cell("opsColReplays", h("div", {}, replays, actions, said)),
  );
}
