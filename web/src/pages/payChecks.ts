// What is checked before Pay (in the chosen language), and which field a problem from the API is about.
import type { Problem } from "../api/http";
import { problemWords } from "../api/problemText";
import { decimalText, parseAmount } from "../domain/money";
import { words } from "../i18n";
import type { Field } from "../ui/field";

export interface PayFields {
  account: Field;
  amount: Field;
  email: Field;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Marks every field that cannot be right; returns the first, for focus. */
export function validate(fields: PayFields, minQepik: number, maxQepik: number): Field | null {
  const { account, amount, email } = fields;
  const problems: [Field, ReturnType<typeof words> | null][] = [];
  problems.push([account, account.input.value.trim() ? null : words("accountEmpty")]);
  const qepik = parseAmount(amount.input.value);
  const range = { min: decimalText(minQepik), max: decimalText(maxQepik) };
  problems.push([
    amount,
    qepik === null || qepik === 0
      ? words("amountInvalid")
      : qepik > maxQepik
        ? words("amountAboveMaximum", range)
        : qepik < minQepik
          ? words("amountOutOfRange", range)
          : null,
  ]);
  const typed = email.input.value.trim();
  problems.push([email, typed && !EMAIL.test(typed) ? words("emailInvalid") : null]);
  let first: Field | null = null;
  for (const [field, problem] of problems) {
    field.setError(problem);
    if (problem && !first) first = field;
  }
  return first;
}

const FIELD_OF_CODE: Record<string, keyof PayFields> = {
  invalid_account: "account",
  account_not_found: "account",
  amount_below_minimum: "amount",
  amount_above_maximum: "amount",
  invalid_amount: "amount",
};

const OWN_WORDS: Record<keyof PayFields, Parameters<typeof words>[0]> = {
  account: "accountEmpty",
  amount: "amountInvalid",
  email: "emailInvalid",
};

/** Puts the problem next to its field and returns that field; null when it is about no field. */
export function showProblem(fields: PayFields, problem: Problem): Field | null {
  const name = FIELD_OF_CODE[problem.code];
  if (name) {
    fields[name].setError(problemWords(problem));
    return fields[name];
  }
  if (problem.code !== "validation_failed") return null;
  let first: Field | null = null;
  for (const error of problem.errors ?? []) {
    const known = error.field in fields ? (error.field as keyof PayFields) : null;
    if (!known) continue;
    // The server's per-field detail is English only; our own words say the same in every language.
    fields[known].setError(known === "account" ? problemWords(problem) : words(OWN_WORDS[known]));
    first ??= fields[known];
  }
  return first;
}
