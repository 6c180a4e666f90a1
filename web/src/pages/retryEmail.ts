// The e-mail typed for a payment, kept in this tab while the customer is on the bank's page, so
// "Try another card" after a decline brings it back (the payment's view never shows the e-mail).
const PREFIX = "portal.retry-email.";

export function rememberEmail(paymentId: string, email: string): void {
  try {
    if (email) sessionStorage.setItem(PREFIX + paymentId, email);
  } catch {
    // storage switched off: the retry simply starts with an empty e-mail
  }
}

export function recallEmail(paymentId: string): string | null {
  try {
    return sessionStorage.getItem(PREFIX + paymentId);
  } catch {
    return null;
  }
}
