// The customer portal: lays out the frame, then lets the router draw the page for the address.
import "./styles.css";
import { language, onLanguageChange } from "./i18n";
import { render, startRouter } from "./router";
import { mountLayout } from "./ui/layout";
import { registerServiceWorker } from "./ui/serviceWorker";

const root = document.getElementById("app");
if (root) {
  document.documentElement.lang = language();
  const { main } = mountLayout(root);
  onLanguageChange(() => render());
  startRouter(main);
  registerServiceWorker();
}
