// The catalog API (provider-gateway behind /api/catalog): categories, services, account lookup.
import type { Language, Localized } from "../i18n";
import { request } from "./http";

export type AccountKind = "phone" | "landline" | "digits" | "text";

export interface Category {
  id: string;
  names: Localized;
  service_count: number;
}

export interface ServiceSummary {
  id: string;
  category: string;
  names: Localized;
  lookup_supported: boolean;
  min_qepik: number;
  max_qepik: number;
}

export interface CommissionRule {
  basis_points: number;
  minimum_qepik: number;
  fixed_qepik: number;
}

export interface ServiceDetail extends ServiceSummary {
  account: { kind: AccountKind; label: string; hint: string; example: string; pattern: string };
  commission: CommissionRule;
}

export interface Lookup {
  account: string;
  holder: string | null;
  balance_qepik: number | null;
  debt_qepik: number | null;
  allowed_min_qepik: number;
  allowed_max_qepik: number;
}

let categoriesOnce: Promise<Category[]> | null = null;

export function categories(): Promise<Category[]> {
  categoriesOnce ??= request<Category[]>("GET", "/api/catalog/categories").catch((error) => {
    categoriesOnce = null; // let the next visit try again
    throw error;
  });
  return categoriesOnce;
}

export async function services(
  query: string,
  category: string | null,
  signal?: AbortSignal,
): Promise<ServiceSummary[]> {
  const params = new URLSearchParams();
  if (query.trim()) params.set("q", query.trim());
  if (category) params.set("category", category);
  const options = signal ? { signal } : {};
  const list = await request<{ services: ServiceSummary[] }>(
    "GET",
    `/api/catalog/services?${params}`,
    options,
  );
  return list.services;
}

export function service(id: string, lang: Language): Promise<ServiceDetail> {
  return request<ServiceDetail>(
    "GET",
    `/api/catalog/services/${encodeURIComponent(id)}?lang=${lang}`,
  );
}

export function lookup(id: string, account: string): Promise<Lookup> {
  return request<Lookup>("POST", `/api/catalog/services/${encodeURIComponent(id)}/lookup`, {
    body: { account },
  });
}
