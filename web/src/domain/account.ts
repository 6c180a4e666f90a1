// Formats the account field while it is typed: +994 50 123 45 67 for mobiles, 012 498 12 34 for
// landlines. The server normalises whatever is sent; this only helps the eye and keeps the caret.
import type { AccountKind } from "../api/catalog";

const NATIONAL_DIGITS = 9;

export interface Formatted {
  value: string;
  caret: number;
}

/** The national digits of what was typed so far, or null while only a prefix (+99, 0) is typed. */
function nationalDigits(raw: string): string | null {
  let digits = raw.replace(/\D/g, "");
  const international = raw.trimStart().startsWith("+") || digits.startsWith("00994");
  if (digits.startsWith("00994")) digits = digits.slice(5);
  else if (international) digits = digits.startsWith("994") ? digits.slice(3) : "";
  else if (digits.startsWith("994") && digits.length > NATIONAL_DIGITS) digits = digits.slice(3);
  else if (digits.startsWith("0")) digits = digits.slice(1);
  return digits ? digits.slice(0, NATIONAL_DIGITS) : null;
}

function grouped(national: string): string {
  const parts = [
    national.slice(0, 2),
    national.slice(2, 5),
    national.slice(5, 7),
    national.slice(7, 9),
  ];
  return parts.filter(Boolean).join(" ");
}

function phone(raw: string, lead: string): string {
  const national = nationalDigits(raw);
  // Only a prefix so far: leave it as typed, so deleting never gets stuck on "+994".
  if (national === null) return raw.replace(/[^\d+]/g, "").slice(0, 5);
  return lead + grouped(national);
}

export function formatAccount(kind: AccountKind, pattern: string, raw: string): string {
  switch (kind) {
    case "phone":
      return phone(raw, "+994 ");
    case "landline":
      return phone(raw, "0");
    case "digits":
      return raw.replace(/[^\d]/g, "");
    case "text":
      // Upper-case only where the provider's pattern has no small letters (decision numbers).
      return /a-z/.test(pattern) ? raw.trimStart() : raw.trimStart().toUpperCase();
  }
}

/** Formats and keeps the caret after the same number of digits or letters as before. */
export function formatWithCaret(
  kind: AccountKind,
  pattern: string,
  raw: string,
  caret: number,
): Formatted {
  const value = formatAccount(kind, pattern, raw);
  if (caret >= raw.length) return { value, caret: value.length };
  const significant = (text: string) => text.replace(/[\s+\-]/g, "").length;
  const leadBefore = significant(formatAccount(kind, pattern, raw.slice(0, caret)));
  let position = 0;
  while (position < value.length && significant(value.slice(0, position)) < leadBefore) position++;
  return { value, caret: position };
}
