// The account field of a service, formatted while it is typed (phone numbers as +994 50 123 45 67).
import type { ServiceDetail } from "../api/catalog";
import { formatAccount, formatWithCaret } from "../domain/account";
import { h } from "../ui/dom";
import { field, type Field } from "../ui/field";

const INPUT_MODES = { phone: "tel", landline: "tel", digits: "numeric", text: "text" } as const;

export function accountField(
  spec: ServiceDetail["account"],
  typed: string,
  after: Node | undefined,
  changed: (value: string) => void,
): Field {
  const input = h("input", {
    id: "account",
    name: "account",
    type: "text",
    required: true,
    value: formatAccount(spec.kind, spec.pattern, typed),
    inputmode: INPUT_MODES[spec.kind],
    autocomplete: spec.kind === "phone" ? "tel" : "off",
    placeholder: spec.example,
    spellcheck: "false",
    autocapitalize: "off",
    maxlength: 64,
  });
  const account = field({ label: spec.label, hint: spec.hint, input, after });
  input.addEventListener("input", () => {
    const caretBefore = input.selectionStart ?? input.value.length;
    const { value, caret } = formatWithCaret(spec.kind, spec.pattern, input.value, caretBefore);
    input.value = value;
    input.setSelectionRange(caret, caret);
    account.setError(null);
    changed(value);
  });
  return account;
}
