// Home: search and categories over the catalog; the address keeps both, so reload and Back work.
import { categories, services, type Category, type ServiceSummary } from "../api/catalog";
import { errorWords } from "../api/problemText";
import { language, pick, t } from "../i18n";
import type { PageContext } from "../router";
import { h, replaceChildren } from "../ui/dom";
import { setTitle } from "../ui/title";
import { yourPayments } from "./yourPayments";

const SEARCH_DELAY_MS = 200;
const IMEI_SERVICE = "imei-registration";

export function homePage({ main, query, signal }: PageContext): void {
  setTitle(t("homeTitle"));
  let category = query.get("category");
  let search = query.get("q") ?? "";
  const input = h("input", {
    id: "search",
    type: "search",
    value: search,
    autocomplete: "off",
    "aria-describedby": "search-hint",
  });
  const chips = h("div", { class: "chips", role: "group", "aria-labelledby": "categories-title" });
  const status = h("p", { class: "status", role: "status" });
  const list = h("ul", { class: "services", "aria-label": t("navHome") });
  main.append(
    h("h1", {}, t("homeTitle")),
    h("p", { class: "lead" }, t("homeLead")),
    h(
      "form",
      { role: "search", class: "search", onsubmit: (event: Event) => event.preventDefault() },
      h("label", { for: "search" }, t("search")),
      input,
      h("p", { class: "hint", id: "search-hint" }, t("searchHint")),
    ),
    yourPayments(),
    h("h2", { id: "categories-title", class: "visually-hidden" }, t("categories")),
    chips,
    status,
    list,
  );

  let pending: AbortController | null = null;
  const refresh = async () => {
    const url = new URLSearchParams();
    if (category) url.set("category", category);
    if (search.trim()) url.set("q", search.trim());
    history.replaceState(null, "", url.toString() ? `/?${url}` : "/");
    pending?.abort();
    pending = new AbortController();
    try {
      showServices(list, status, await services(search, category, pending.signal));
    } catch (error) {
      if (error instanceof DOMException && error.name === "AbortError") return;
      status.textContent = errorWords(error).text;
      list.replaceChildren();
    }
  };
  let timer = 0;
  input.addEventListener("input", () => {
    search = input.value;
    window.clearTimeout(timer);
    timer = window.setTimeout(refresh, SEARCH_DELAY_MS);
  });
  signal.addEventListener("abort", () => {
    window.clearTimeout(timer);
    pending?.abort();
  });
  const choose = (id: string | null) => {
    category = id;
    for (const chip of chips.querySelectorAll("button")) {
      chip.setAttribute("aria-pressed", String(chip.dataset.category === (id ?? "")));
    }
    void refresh();
  };
  categories()
    .then((found) => showCategories(chips, found, category, choose))
    .catch((error: unknown) => (status.textContent = errorWords(error).text));
  void refresh();
}

function showCategories(
  chips: HTMLElement,
  found: Category[],
  chosen: string | null,
  choose: (id: string | null) => void,
): void {
  const chip = (id: string, name: string, count?: number) =>
    h(
      "button",
      {
        type: "button",
        class: "chip",
        "data-category": id,
        "aria-pressed": String(id === (chosen ?? "")),
        onclick: () => choose(id || null),
      },
      name,
      count === undefined ? null : h("span", { class: "count" }, ` ${count}`),
    );
  replaceChildren(
    chips,
    chip("", t("allCategories")),
    ...found.map((item) => chip(item.id, pick(item.names).text, item.service_count)),
  );
}

function showServices(list: HTMLElement, status: HTMLElement, found: ServiceSummary[]): void {
  status.textContent = found.length
    ? t("servicesFound", { count: found.length })
    : t("nothingFound");
  const lang = language();
  replaceChildren(
    list,
    ...found.map((service) =>
      h(
        "li",
        {},
        h(
          "a",
          { href: serviceHref(service.id), class: "service-link" },
          h(
            "span",
            { class: "initial", "aria-hidden": "true" },
            (service.names[lang] ?? "?").charAt(0),
          ),
          pick(service.names).text,
        ),
      ),
    ),
  );
}

/** IMEI registration is paid from its own page (a quote for the device), not an account form. */
export function serviceHref(id: string): string {
  return id === IMEI_SERVICE ? "/imei" : `/services/${id}`;
}
