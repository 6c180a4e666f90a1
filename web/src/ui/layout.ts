// The frame of every page: skip link, brand, menu, language switch, the <main> pages render into.
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
  const header = h("header", { class: "top" }, h("div", { class: "bar" }, brand, menu, switcher));
  const main = h("main", { id: "main", tabindex: "-1" });
  const footer = h("footer", { class: "bottom" });
  root.replaceChildren(skip, header, main, footer);

  const refresh = () => {
    skip.textContent = t("skipToContent");
    brand.textContent = t("brand");
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

/** Marks the menu link of the current page for assistive technology and the eye. */
export function markCurrent(path: string): void {
  for (const link of document.querySelectorAll<HTMLAnchorElement>("[data-nav]")) {
    const current = link.pathname === path;
    if (current) link.setAttribute("aria-current", "page");
    else link.removeAttribute("aria-current");
  }
}
