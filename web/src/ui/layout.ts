// The frame of every page: skip link, brand, menu, language switch, the <main> pages render into.
// On a narrow screen the menu and the languages fold behind one button, so the page starts high.
import { LANGUAGE_NAMES, LANGUAGES, language, onLanguageChange, setLanguage, t } from "../i18n";
import { h } from "./dom";

export interface Layout {
  main: HTMLElement;
}

export function mountLayout(root: HTMLElement): Layout {
  const skip = h("a", { class: "skip", href: "#main" });
  const home = h("a", { href: "/", "data-nav": "home" });
  const faq = h("a", { href: "/faq", "data-nav": "faq" });
  const imei = h("a", { href: "/imei", "data-nav": "imei" });
  const contact = h("a", { href: "/contact", "data-nav": "contact" });
  const menu = h("nav", { class: "menu" }, home, imei, faq, contact);
  const switcher = h("div", { class: "languages", role: "group" });
  const buttons = LANGUAGES.map((lang) =>
    h(
      "button",
      {
        type: "button",
        lang,
        "aria-label": LANGUAGE_NAMES[lang],
        onclick: () => setLanguage(lang),
      },
      lang.toUpperCase(),
    ),
  );
  switcher.append(...buttons);
  const brand = h("a", { class: "brand", href: "/" });
  const panel = h("div", { class: "panel", id: "menu-panel" }, menu, switcher);
  const toggleLabel = h("span", {});
  const toggle = h(
    "button",
    { type: "button", class: "menu-toggle", "aria-expanded": "false", "aria-controls": panel.id },
    h("span", { class: "menu-icon", "aria-hidden": "true" }),
    toggleLabel,
  );
  const header = h("header", { class: "top" }, h("div", { class: "bar" }, brand, toggle, panel));
  const open = (yes: boolean) => {
    header.classList.toggle("open", yes);
    toggle.setAttribute("aria-expanded", String(yes));
  };
  toggle.addEventListener("click", () => open(!header.classList.contains("open")));
  header.addEventListener("keydown", (event) => {
    if (event.key !== "Escape" || !header.classList.contains("open")) return;
    open(false);
    toggle.focus();
  });
  closeMenu = () => open(false);
  const main = h("main", { id: "main", tabindex: "-1" });
  const footer = h("footer", { class: "bottom" });
  root.replaceChildren(skip, header, main, footer);

  const refresh = () => {
    skip.textContent = t("skipToContent");
    brand.textContent = t("brand");
    toggleLabel.textContent = t("menu");
    home.textContent = t("navHome");
    faq.textContent = t("navFaq");
    imei.textContent = t("navImei");
    contact.textContent = t("navContact");
    menu.setAttribute("aria-label", t("mainNav"));
    switcher.setAttribute("aria-label", t("languageNav"));
    footer.textContent = t("footer");
    for (const button of buttons) {
      button.setAttribute("aria-pressed", String(button.lang === language()));
    }
  };
  refresh();
  onLanguageChange(refresh);
  return { main };
}

let closeMenu: () => void = () => {};

/** Marks the menu link of the current page for assistive technology and the eye; a new page
 * starts with the folded menu closed. */
export function markCurrent(path: string): void {
  closeMenu();
  for (const link of document.querySelectorAll<HTMLAnchorElement>("[data-nav]")) {
    const current = link.pathname === path;
    if (current) link.setAttribute("aria-current", "page");
    else link.removeAttribute("aria-current");
  }
}
