// A completed payment is remembered on this device (the home page's "pay again"), and its account
// can be starred as a favourite from here.
import type { ServiceDetail } from "../api/catalog";
import type { PaymentView } from "../api/payments";
import { formatAccount } from "../domain/account";
import { decimalText } from "../domain/money";
import { isFavourite, rememberPayment, toggleFavourite, type Favourite } from "../domain/device";
import { t } from "../i18n";
import { h } from "../ui/dom";

export function keepOnDevice(view: PaymentView, about: ServiceDetail | null): Node {
  const favourite: Favourite = {
    serviceId: view.service_id,
    serviceNames: about?.names ?? {},
    account: view.account,
    accountShown: about
      ? formatAccount(about.account.kind, about.account.pattern, view.account)
      : view.account,
  };
  rememberPayment({
    ...favourite,
    paymentId: view.payment_id,
    amount: decimalText(view.amount.qepik),
    at: view.history.at(-1)?.at ?? new Date().toISOString(),
  });
  const star = h("button", { type: "button", class: "star" });
  const show = (starred: boolean) => {
    star.textContent = starred ? `★ ${t("favouriteSaved")}` : `☆ ${t("saveFavourite")}`;
    star.setAttribute("aria-pressed", String(starred));
  };
  show(isFavourite(favourite.serviceId, favourite.account));
  star.addEventListener("click", () => show(toggleFavourite(favourite)));
  return h("p", { class: "keep" }, star);
}
