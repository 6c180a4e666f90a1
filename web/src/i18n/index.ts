// The chosen language: Azerbaijani unless the customer picked another, remembered in localStorage.
import { az, type MessageKey, type Messages } from "./az";
import { en } from "./en";
import { ru } from "./ru";

export const LANGUAGES = ["az", "en", "ru"] as const;
export type Language = (typeof LANGUAGES)[number];
export type Localized = Partial<Record<Language, string>>;

export const LANGUAGE_NAMES: Record<Language, string> = {
  az: "Azərbaycanca",
  en: "English",
  ru: "Русский",
};

const MESSAGES: Record<Language, Messages> = { az, en, ru };
const STORAGE_KEY = "portal.language";
const listeners = new Set<() => void>();

function stored(): Language {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return (LANGUAGES as readonly string[]).includes(value ?? "") ? (value as Language) : "az";
  } catch {
    return "az"; // storage can be switched off; the default still works
  }
}

let current: Language = stored();

export function language(): Language {
  return current;
}

export function setLanguage(next: Language): void {
  if (next === current) return;
  current = next;
  try {
    localStorage.setItem(STORAGE_KEY, next);
  } catch {
    // not remembered, but still switched for this visit
  }
  document.documentElement.lang = next;
  for (const listener of listeners) listener();
}

export function onLanguageChange(listener: () => void): void {
  listeners.add(listener);
}

export function t(key: MessageKey, params: Record<string, string | number> = {}): string {
  const text = MESSAGES[current][key];
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => String(params[name] ?? whole));
}

/** A server text in the chosen language; Russian falls back to English where the server has none. */
export function pick(text: Localized): { text: string; lang: Language } {
  for (const lang of [current, "en", "az"] as const) {
    const value = text[lang];
    if (value) return { text: value, lang };
  }
  return { text: "", lang: current };
}

/** One of our own messages, with the language it is in (for fields that also show server texts). */
export function words(key: MessageKey, params: Record<string, string | number> = {}) {
  return { text: t(key, params), lang: current };
}
