// What support-desk accepts on the contact form (a photo of the *#06# screen, a receipt, the card
// page), checked before the upload; its own refusals of a file are these two problems.
import { t } from "../i18n";

export const ATTACHMENT_TYPES = ["image/png", "image/jpeg", "image/webp"];
export const ATTACHMENT_MAX_BYTES = 5 * 1024 * 1024;
export const ATTACHMENT_PROBLEMS = new Set(["attachment_too_large", "attachment_not_an_image"]);

export function attachmentRefusal(file: File): string | null {
  if (!ATTACHMENT_TYPES.includes(file.type)) return t("attachmentType");
  if (file.size > ATTACHMENT_MAX_BYTES) return t("attachmentTooLarge");
  return null;
}
