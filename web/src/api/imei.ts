// imei-registry: quote a device's registration fee, and ask an IMEI's status.
import { language, type Localized } from "../i18n";
import { request } from "./http";
import type { NewTicket } from "./support";

export type DeviceType = "single" | "duos";

export interface DeviceModel {
  name: string;
  sim_slots: number;
  device_type: DeviceType;
}

export interface Quote {
  quote_id: string;
  device_type: DeviceType;
  imeis: string[];
  model: DeviceModel | null;
  type_check: "matches" | "mismatch" | "model_unknown";
  fee: { qepik: number; amount: string; text: string; legal_basis: Localized };
  notices: { code: string; message: Localized }[];
  payment: { service_id: string; account: string; amount: string };
}

export interface TicketOffer {
  model: string;
  imeis: string[];
  sla_hours: number;
  payload: Partial<NewTicket>;
  fill_in: string[];
}

export interface ImeiStatus {
  imei: string;
  status: "not_registered" | "pending" | "registered" | "rejected";
  message: Localized;
  registered_at?: string;
  requested_at?: string;
  reason?: string;
}

/** The quote, asked in the page's language: the "registered" e-mail is then written in it. */
export function quote(deviceType: DeviceType, imeis: string[], email?: string): Promise<Quote> {
  const body: Record<string, unknown> = { device_type: deviceType, imeis, language: language() };
  if (email) body.email = email;
  return request<Quote>("POST", "/api/imei/quotes", { body });
}

export function imeiStatus(imei: string): Promise<ImeiStatus> {
  return request<ImeiStatus>("GET", `/api/imei/registrations/${encodeURIComponent(imei)}`);
}
