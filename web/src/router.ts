// History-API routing: same-origin links change the page without reloading the app.
import { consolePage } from "./pages/console";
import { consoleTicketPage } from "./pages/consoleTicket";
import { contactPage } from "./pages/contact";
import { faqPage } from "./pages/faq";
import { homePage } from "./pages/home";
import { imeiPage, imeiStatusPage } from "./pages/imei";
import { notFoundPage } from "./pages/notFound";
import { opsDeadLettersPage } from "./pages/opsDeadLetters";
import { opsEventsPage } from "./pages/opsEvents";
import { opsPaymentsPage, opsStoryPage } from "./pages/opsPayments";
import { opsReconPage } from "./pages/opsRecon";
import { resultPage } from "./pages/result";
import { servicePage } from "./pages/service";
import { ticketPage } from "./pages/ticket";
import { markCurrent } from "./ui/layout";

export interface PageContext {
  main: HTMLElement;
  params: string[];
  query: URLSearchParams;
  /** Aborted when the customer leaves the page: stops its requests and timers. */
  signal: AbortSignal;
}

export type Page = (context: PageContext) => void;

const ROUTES: [RegExp, Page][] = [
  [/^\/$/, homePage],
  [/^\/services\/([a-z0-9-]{1,64})$/, servicePage],
  [/^\/pay\/result$/, resultPage],
  [/^\/faq$/, faqPage],
  [/^\/contact$/, contactPage],
  [/^\/ticket$/, ticketPage],
  [/^\/imei$/, imeiPage],
  [/^\/imei\/status$/, imeiStatusPage],
  [/^\/console$/, consolePage],
  [/^\/console\/tickets\/(tkt_[A-Za-z0-9]{1,64})$/, consoleTicketPage],
  [/^\/console\/ops$/, opsPaymentsPage],
  [/^\/console\/ops\/payments\/([A-Za-z0-9_-]{1,64})$/, opsStoryPage],
  [/^\/console\/ops\/events$/, opsEventsPage],
  [/^\/console\/ops\/dead-letters$/, opsDeadLettersPage],
  [/^\/console\/ops\/recon$/, opsReconPage],
];

let leave = new AbortController();
let main: HTMLElement;

export function render(moveFocus = false): void {
  leave.abort();
  leave = new AbortController();
  const { pathname, search } = window.location;
  const [page, params] = match(pathname);
  main.replaceChildren();
  main.className = ""; // a page may widen it (the console's queue)
  markCurrent(pathname);
  page({ main, params, query: new URLSearchParams(search), signal: leave.signal });
  if (moveFocus) {
    window.scrollTo(0, 0);
    main.focus({ preventScroll: true }); // a screen reader hears the new page from its start
  }
}

function match(pathname: string): [Page, string[]] {
  for (const [pattern, page] of ROUTES) {
    const found = pattern.exec(pathname);
    if (found) return [page, found.slice(1)];
  }
  return [notFoundPage, []];
}

export function navigate(url: string, replace = false): void {
  if (replace) history.replaceState(null, "", url);
  else history.pushState(null, "", url);
  render(true);
}

export function startRouter(into: HTMLElement): void {
  main = into;
  window.addEventListener("popstate", () => render(true));
  document.addEventListener("click", (event) => {
    const link = (event.target as Element | null)?.closest?.("a");
    if (!link || event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    if (link.target || link.hasAttribute("download") || link.origin !== location.origin) return;
    if (link.pathname.startsWith("/api/") || link.getAttribute("href")?.startsWith("#")) return;
    event.preventDefault();
    navigate(link.pathname + link.search);
  });
  render();
}
