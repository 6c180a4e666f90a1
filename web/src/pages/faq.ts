// The FAQ: each question a <details>, so it opens with the keyboard and is found by the browser's search.
import { FAQ, type Paragraph } from "../faq/content";
import { language, t } from "../i18n";
import type { PageContext } from "../router";
import { append, h } from "../ui/dom";
import { setTitle } from "../ui/title";

const LINK = /\[([^\]]+)\]\((https:\/\/[^)\s]+)\)/g;

function withLinks(text: string): Node {
  const span = h("span", {});
  let last = 0;
  for (const found of text.matchAll(LINK)) {
    append(span, text.slice(last, found.index));
    append(span, h("a", { href: found[2], rel: "noopener noreferrer" }, found[1]));
    last = (found.index ?? 0) + found[0].length;
  }
  append(span, text.slice(last));
  return span;
}

function paragraph(part: Paragraph): HTMLElement {
  if (typeof part === "string") return h("p", {}, withLinks(part));
  return h("ol", {}, ...part.map((item) => h("li", {}, withLinks(item))));
}

export function faqPage({ main, query }: PageContext): void {
  setTitle(t("faqTitle"));
  const open = query.get("q");
  const lang = language();
  main.append(
    h("h1", {}, t("faqTitle")),
    h(
      "div",
      { class: "faq" },
      ...FAQ.map((entry) =>
        h(
          "details",
          { id: entry.id, open: entry.id === open },
          h("summary", {}, entry[lang].q),
          ...entry[lang].a.map(paragraph),
          entry.id === "contact" ? h("p", {}, h("a", { href: "/contact" }, t("navContact"))) : null,
        ),
      ),
    ),
  );
}
