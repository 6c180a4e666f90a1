// A service: its account field, the provider's lookup answer, the amount with commission, Pay.
import { service, type ServiceDetail } from "../api/catalog";
import { errorWords } from "../api/problemText";
import { language, pick, t } from "../i18n";
import { navigate, type PageContext } from "../router";
import { h, inLanguage } from "../ui/dom";
import { setTitle } from "../ui/title";
import { serviceHref } from "./home";
import { draftFor, payForm } from "./payForm";

const details = new Map<string, ServiceDetail>();

export function servicePage({ main, params, query, signal }: PageContext): void {
  const id = params[0] ?? "";
  if (serviceHref(id) !== `/services/${id}`) return navigate(serviceHref(id), true);
  const lang = language();
  const back = h("p", {}, h("a", { href: "/", class: "back" }, t("backToServices")));
  const status = h("p", { class: "status", role: "status" }, t("loading"));
  main.append(back, status);
  setTitle(t("loading"));
  const key = `${id}:${lang}`;
  const cached = details.get(key);
  const loading = cached ? Promise.resolve(cached) : service(id, lang);
  loading
    .then((detail) => {
      if (signal.aborted) return;
      details.set(key, detail);
      const name = pick(detail.names).text;
      setTitle(name);
      status.remove();
      const draft = draftFor(detail.id, query);
      main.append(h("h1", {}, name), payForm(detail, draft, signal));
    })
    .catch((error: unknown) => {
      if (signal.aborted) return;
      const words = errorWords(error);
      status.replaceChildren(inLanguage(words.text, words.lang, lang));
      setTitle(t("serviceNotFound"));
    });
}
