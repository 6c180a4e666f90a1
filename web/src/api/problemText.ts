// A problem's words for the customer, in the chosen language where the server or we have them.
import { RU_PROBLEMS } from "../domain/russian";
import { language, pick, t, type Language } from "../i18n";
import { ApiError, NetworkError, type Problem } from "./http";

export interface Words {
  text: string;
  lang: Language;
}

export function problemWords(problem: Problem): Words {
  const ru = RU_PROBLEMS[problem.code];
  const words = pick({ ...problem.message, ...(ru ? { ru } : {}) });
  return words.text ? words : { text: t("unexpected"), lang: language() };
}

/** Words for anything a request can throw: a problem, a lost connection, or a bug. */
export function errorWords(error: unknown): Words {
  if (error instanceof ApiError) return problemWords(error.problem);
  if (error instanceof NetworkError) return { text: t("networkError"), lang: language() };
  return { text: t("unexpected"), lang: language() };
}
