// A labelled form field with its hint and its error, wired for screen readers (aria-describedby).
import type { Words } from "../api/problemText";
import { language } from "../i18n";
import { h, replaceChildren, inLanguage, uniqueId } from "./dom";

export type FormControl = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

export interface Field<E extends FormControl = HTMLInputElement> {
  root: HTMLElement;
  input: E;
  setError(words: Words | null): void;
  setHint(text: string): void;
}

interface Options<E extends FormControl> {
  label: string;
  hint?: string;
  input: E;
  after?: Node | undefined;
}

export function field<E extends FormControl = HTMLInputElement>({
  label,
  hint,
  input,
  after,
}: Options<E>): Field<E> {
  const id = input.id || uniqueId("field");
  input.id = id;
  const hintEl = hint === undefined ? null : h("p", { class: "hint", id: `${id}-hint` }, hint);
  const error = h("p", { class: "error", id: `${id}-error`, hidden: true });
  const describe = () => {
    const ids = [error.hidden ? null : error.id, hintEl?.id].filter(Boolean);
    if (ids.length) input.setAttribute("aria-describedby", ids.join(" "));
    else input.removeAttribute("aria-describedby");
  };
  describe();
  const root = h(
    "div",
    { class: "field" },
    h("label", { for: id }, label),
    h("div", { class: "control" }, input, after),
    hintEl,
    error,
  );
  return {
    root,
    input,
    setError(words) {
      error.hidden = words === null;
      replaceChildren(error, words ? inLanguage(words.text, words.lang, language()) : null);
      if (words) input.setAttribute("aria-invalid", "true");
      else input.removeAttribute("aria-invalid");
      describe();
    },
    setHint(text) {
      if (hintEl) hintEl.textContent = text;
    },
  };
}
