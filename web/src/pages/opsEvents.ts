// /console/ops/events: new events as they happen (server-sent events through the gateway),
// filtered by topic, type and payment; the newest on top, at most MAX_SHOWN kept.
import { ApiError } from "../api/http";
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
const MAX_REOPENS = 5; // in a row, without the stream saying it is ready in between
const REOPEN_PAUSE_MS = 1000; // times the attempt: 15 s in all, a service's restart

type Filters = { topic: string; type: string; subject: string };

/** A signed-out or refused person gets the error; anything else (a restart) is tried again. */
function refusedForGood(error: unknown): boolean {
  return error instanceof ApiError && [401, 403].includes(error.problem.status);
}

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
  let attempt = 0; // reopens in a row since the stream last said it was ready
  let following = 0; // which press of "follow" the stream belongs to
  const close = () => {
    following += 1; // a reopen already planned is dropped
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
  // A ticket opens the stream once, so the browser's own reconnect (the same URL) is refused:
  // a dropped stream is opened again here with a fresh ticket, a few times before giving up.
  const reopenLater = (filters: Filters, press: number) => {
    attempt += 1;
    if (attempt > MAX_REOPENS) {
      close();
      replaceChildren(status, t("opsStreamLost"));
      return;
    }
    replaceChildren(status, t("opsReconnecting"));
    window.setTimeout(() => {
      if (press === following && !signal.aborted) void openStream(filters, press);
    }, REOPEN_PAUSE_MS * attempt);
  };
  const openStream = async (filters: Filters, press: number) => {
    let url: string;
    try {
      url = await streamUrl(filters);
    } catch (error) {
      if (signal.aborted || press !== following) return;
      if (attempt > 0 && !refusedForGood(error)) return reopenLater(filters, press);
      sayDeskError(formError, error);
      close();
      status.textContent = "";
      return;
    }
    if (signal.aborted || press !== following) return;
    const opened = new EventSource(url);
    source = opened;
    stop.disabled = false;
    opened.addEventListener("ready", () => {
      attempt = 0;
      status.textContent = t("opsListening");
    });
    opened.addEventListener("event", (message) => {
      const live = JSON.parse((message as MessageEvent<string>).data) as LiveEvent;
      list.prepend(eventItem(live));
      while (list.children.length > MAX_SHOWN) list.lastElementChild?.remove();
    });
    opened.addEventListener("error", () => {
      if (source !== opened) return;
      opened.close();
      reopenLater(filters, press);
    });
  };
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    close();
    formError.replaceChildren();
    follow.disabled = true;
    list.replaceChildren();
    attempt = 0;
    following += 1;
    const filters = {
      topic: topic.input.value,
      type: type.input.value.trim(),
      subject: subject.input.value.trim(),
    };
    void openStream(filters, following);
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
