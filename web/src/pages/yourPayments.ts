// The home page's "your payments": favourites and the last payments made on this device, each a
// link to the service's form with the account (and the last amount) filled in.
import { favourites, payAgainHref, recentPayments, toggleFavourite } from "../domain/device";
import { pick, t } from "../i18n";
import { h, replaceChildren } from "../ui/dom";
import { bakuTime } from "./formParts";

export function yourPayments(): HTMLElement {
  const section = h("section", { class: "your-payments", "aria-labelledby": "your-payments" });
  draw(section);
  return section;
}

function draw(section: HTMLElement): void {
  const starred = favourites();
  const recent = recentPayments();
  if (!starred.length && !recent.length) return replaceChildren(section);
  replaceChildren(
    section,
    h("h2", { id: "your-payments" }, t("yourPayments")),
    starred.length ? h("h3", {}, t("favourites")) : null,
    starred.length
      ? h(
          "ul",
          { class: "favourites" },
          ...starred.map((item) =>
            h(
              "li",
              {},
              h(
                "a",
                { href: payAgainHref(item.serviceId, item.account), class: "pay-again" },
                `${pick(item.serviceNames).text || item.serviceId} · ${item.accountShown}`,
              ),
              h(
                "button",
                {
                  type: "button",
                  class: "unstar",
                  "aria-label": t("removeFavourite", { account: item.accountShown }),
                  onclick: () => {
                    toggleFavourite(item);
                    draw(section);
                  },
                },
                "✕",
              ),
            ),
          ),
        )
      : null,
    recent.length ? h("h3", {}, t("recentPayments")) : null,
    recent.length
      ? h(
          "ul",
          { class: "recent" },
          ...recent.map((item) =>
            h(
              "li",
              {},
              h(
                "span",
                {},
                `${pick(item.serviceNames).text || item.serviceId} · ${item.accountShown} · ` +
                  `${item.amount} AZN · ${bakuTime(item.at)}`,
              ),
              h(
                "a",
                {
                  href: payAgainHref(item.serviceId, item.account, item.amount),
                  class: "pay-again",
                },
                t("payAgain"),
              ),
            ),
          ),
        )
      : null,
  );
}
