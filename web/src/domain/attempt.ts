// One Idempotency-Key per payment attempt: a retry of the same request after a lost answer, a 503
// or a 409 sends the same key, so the server makes one payment however often the button is pressed.
import type { NewPayment } from "../api/payments";

function newKey(): string {
  const random = crypto.getRandomValues(new Uint8Array(16));
  return `web-${Array.from(random, (byte) => byte.toString(16).padStart(2, "0")).join("")}`;
}

export class PaymentAttempt {
  private fingerprint: string | null = null;
  private key: string | null = null;

  /** The key for this request: the open attempt's when the request is the same, else a new one. */
  keyFor(body: NewPayment): string {
    const fingerprint = JSON.stringify(body);
    if (this.key === null || fingerprint !== this.fingerprint) {
      this.fingerprint = fingerprint;
      this.key = newKey();
    }
    return this.key;
  }

  /** The server gave a final answer (a payment or a refusal): the next press is a new attempt. */
  settle(): void {
    this.fingerprint = null;
    this.key = null;
  }
}
