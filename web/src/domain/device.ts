// What this device remembers for its customer, and nothing leaves it: the last completed payments
// (so "pay again" fills the form) and the accounts they starred. Kept in localStorage; when
// storage is switched off the portal simply remembers nothing.
import type { Localized } from "../i18n";

export interface Remembered {
  paymentId: string;
  serviceId: string;
  serviceNames: Localized;
  account: string; // as the API gives it back (normalised digits or text)
  accountShown: string; // as the customer knows it: "+994 50 123 45 67"
  amount: string; // manat, as the customer typed it: "5.00"
  at: string; // ISO time of completion
}

export interface Favourite {
  serviceId: string;
  serviceNames: Localized;
  account: string;
  accountShown: string;
}

const RECENT_KEY = "portal.recent-payments";
const FAVOURITES_KEY = "portal.favourites";
export const MAX_RECENT = 5;
export const MAX_FAVOURITES = 12;

export function recentPayments(): Remembered[] {
  return read<Remembered>(RECENT_KEY).filter((item) => typeof item.paymentId === "string");
}

/** Newest first; a payment already kept moves up instead of appearing twice. */
export function rememberPayment(payment: Remembered): void {
  const others = recentPayments().filter((item) => item.paymentId !== payment.paymentId);
  write(RECENT_KEY, [payment, ...others].slice(0, MAX_RECENT));
}

export function favourites(): Favourite[] {
  return read<Favourite>(FAVOURITES_KEY).filter((item) => typeof item.serviceId === "string");
}

export function isFavourite(serviceId: string, account: string): boolean {
  return favourites().some((item) => sameAccount(item, serviceId, account));
}

/** Stars the account, or unstars it; true when it is a favourite afterwards. */
export function toggleFavourite(favourite: Favourite): boolean {
  const kept = favourites();
  const others = kept.filter((item) => !sameAccount(item, favourite.serviceId, favourite.account));
  const starring = others.length === kept.length;
  write(FAVOURITES_KEY, starring ? [favourite, ...others].slice(0, MAX_FAVOURITES) : others);
  return starring;
}

/** The service's form with the account (and the amount, when known) filled in. */
export function payAgainHref(serviceId: string, account: string, amount?: string): string {
  const query = new URLSearchParams({ account });
  if (amount) query.set("amount", amount);
  return `/services/${encodeURIComponent(serviceId)}?${query}`;
}

function sameAccount(item: Favourite, serviceId: string, account: string): boolean {
  return item.serviceId === serviceId && item.account === account;
}

function read<T>(key: string): T[] {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(key) ?? "[]");
    return Array.isArray(parsed) ? (parsed as T[]) : [];
  } catch {
    return [];
  }
}

function write(key: string, items: unknown[]): void {
  try {
    localStorage.setItem(key, JSON.stringify(items));
  } catch {
    // storage full or switched off: the payment itself is unaffected
  }
}
