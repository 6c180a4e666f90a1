// Pieces the support and IMEI pages share: text inputs, field errors from a 422, times in Baku.
import { ApiError, type Problem } from "../api/http";
import { errorWords, type Words } from "../api/problemText";
import { bakuDateTime, hoursText } from "../domain/dates";
import { language, pick, t } from "../i18n";
import { h, inLanguage, replaceChildren } from "../ui/dom";
import type { Field, FormControl } from "../ui/field";

// support-desk words its field problems in Azerbaijani and English; these are the Russian ones.
const RU_FIELD: Record<string, string> = {
  required: "Заполните это поле.",
  not_a_name: "Проверьте, как написано имя.",
  unknown_subject: "Выберите услугу, с которой возникла проблема, или «Другое».",
  not_a_payment_id: "Проверьте номер платежа, например pay_….",
};

export function textInput(id: string, extra: Record<string, string | boolean> = {}) {
  return h("input", { id, name: id, type: "text", spellcheck: "false", ...extra });
}

/** A moment in Baku time, in the chosen language. */
export function bakuTime(iso: string, withSeconds = false): string {
  return bakuDateTime(iso, language(), withSeconds);
}

/** A deadline with its length: "5 dekabr 2026, 11:00 (72 saat)". */
export function deadline(iso: string, hours: number): string {
  return `${bakuTime(iso)} (${hoursText(hours, language())})`;
}

/** Puts each field problem of a 422 next to its field; true when at least one found a field. */
export function showFieldErrors(
  fields: Record<string, Field<FormControl>>,
  problem: Problem,
): Field<FormControl> | null {
  let first: Field<FormControl> | null = null;
  for (const error of problem.errors ?? []) {
    const target = fields[error.field];
    if (!target) continue;
    const ru = language() === "ru" && error.code ? RU_FIELD[error.code] : undefined;
    const words: Words = ru
      ? { text: ru, lang: "ru" }
      : error.message
        ? pick(error.message)
        : { text: error.problem ?? t("unexpected"), lang: "en" };
    target.setError(words.text ? words : { text: t("unexpected"), lang: language() });
    first ??= target;
  }
  return first;
}

/** The words of whatever a request threw, put into a form's alert line. */
export function sayError(into: HTMLElement, error: unknown): void {
  const words = errorWords(error);
  replaceChildren(into, inLanguage(words.text, words.lang, language()));
}

export function apiProblem(error: unknown): Problem | null {
  return error instanceof ApiError ? error.problem : null;
}
