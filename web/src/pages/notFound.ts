import { t } from "../i18n";
import type { PageContext } from "../router";
import { h } from "../ui/dom";
import { setTitle } from "../ui/title";

export function notFoundPage({ main }: PageContext): void {
  setTitle(t("notFoundTitle"));
  main.append(
    h("h1", {}, t("notFoundTitle")),
    h("p", {}, t("notFoundText")),
    h("p", {}, h("a", { href: "/" }, t("backToServices"))),
  );
}
