// A button that copies a number (a payment's, a ticket's) and says so where a screen reader hears it.
import { t } from "../i18n";
import { h } from "./dom";

const SAID_FOR_MS = 2000;

export function copyButton(text: string, what: string): HTMLElement {
  const said = h("span", { class: "copied", "aria-live": "polite" });
  const button = h(
    "button",
    { type: "button", class: "copy", "aria-label": t("copyWhat", { what }) },
    t("copy"),
  );
  let timer = 0;
  button.addEventListener("click", () => {
    void copy(text).then((done) => {
      said.textContent = done ? t("copied") : t("copyFailed");
      window.clearTimeout(timer);
      timer = window.setTimeout(() => (said.textContent = ""), SAID_FOR_MS);
    });
  });
  return h("span", { class: "copy-wrap" }, button, said);
}

async function copy(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false; // an insecure origin or a denied permission: the number is still on the page
  }
}
