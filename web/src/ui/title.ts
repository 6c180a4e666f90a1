import { t } from "../i18n";

export function setTitle(text: string): void {
  document.title = `${text} — ${t("brand")}`;
}
