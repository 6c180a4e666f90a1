// /console/ops/events: new events as they happen (server-sent events through the gateway),
// filtered by topic, type and payment; the newest on top, at most MAX_SHOWN kept.
import { streamUrl, type LiveEvent } from "../api/ops";
import { t } from "../i18n";
import type { PageContext } from "../router";
import { h, replaceChildren } from "../ui/dom";
import { field } from "../ui/field";
import { sayDeskError } from "./consoleParts";
import { bakuTime, textInput } from "./formParts";
import { opsFrame } from "./opsParts";

const TOPICS = ["payments.v1", "activations.v1", "reconciliation.v1", "support.v1", "imei.v1"];
const MAX_SHOWN = 200;

export function opsEventsPage(context: PageContext): void {
  if (!opsFrame(context, t("opsNavEvents"), "/console/ops/events")) return;
  const { main, signal } = context;
  const topic = field({
    label: t("opsTopic"),
    input: h(
      "select",
      { id: "topic", name: "topic" },
      h("option", { value: "" }, t("opsAnyTopic")),
      ...TOPICS.map((name) => h("option", { value: name }, name)),
    ),
  });
  const type = field({ label: t("opsEventType"), input: textInput("type") });
  const subject = field({ label: t("opsSubject"), input: textInput("subject") });
  const follow = h("button", { type: "submit", class: "primary", id: "follow" }, t("opsFollow"));
  const stop = h(
    "button",
    { type: "button", class: "secondary", id: "stop", disabled: true },
    t("opsStop"),
  );
  const form = h(
    "form",
    { class: "console-filters", id: "stream-filters" },
    topic.root,
    type.root,
    subject.root,
    follow,
    stop,
  );
  const status = h("p", { class: "muted", id: "stream-status", role: "status" });
  const formError = h("p", { class: "error form-error", role: "alert" });
  const list = h("ol", { class: "trail live-events", id: "live-events", reversed: true });
  main.append(form, status, formError, list);

  let source: EventSource | null = null;
  const close = () => {
    source?.close();
    source = null;
    follow.disabled = false;
    stop.disabled = true;
  };
  signal.addEventListener("abort", close);
  stop.addEventListener("click", () => {
    close();
    status.textContent = "";
  });
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    close();
    formError.replaceChildren();
    follow.disabled = true;
    let url: string;
    try {
      url = await streamUrl({
        topic: topic.input.value,
        type: type.input.value.trim(),
        subject: subject.input.value.trim(),
      });
    } catch (error) {
      if (!signal.aborted) sayDeskError(formError, error);
      follow.disabled = false;
      return;
    }
    if (signal.aborted) return;
    const opened = new EventSource(url);
    source = opened;
    stop.disabled = false;
    list.replaceChildren();
    opened.addEventListener("ready", () => {
      status.textContent = t("opsListening");
    });
    opened.addEventListener("event", (message) => {
      const live = JSON.parse((message as MessageEvent<string>).data) as LiveEvent;
      list.prepend(eventItem(live));
      while (list.children.length > MAX_SHOWN) list.lastElementChild?.remove();
    });
    opened.addEventListener("error", () => {
      // A lost connection is retried by the browser; a refused one (an old ticket) is final.
      if (opened.readyState === EventSource.CLOSED && source === opened) {
        close();
        replaceChildren(status, t("opsStreamLost"));
      }
    });
  });
}

function eventItem(live: LiveEvent): HTMLElement {
  const facts = live.facts.map(({ name, value }) => `${name}=${value}`).join("  ");
  return h(
    "li",
    { class: `kind-${live.kind}`, "data-subject": live.subject, "data-type": live.type },
    h("time", { datetime: live.time }, bakuTime(live.time, true)),
    " ",
    h("strong", {}, live.type),
    " ",
    h("span", { class: "subject" }, live.subject),
    " ",
    h("span", { class: "muted" }, `${live.topic}  ${facts}`),
  );
}
