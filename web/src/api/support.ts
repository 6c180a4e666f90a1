// support-desk: the contact form ("Məktub yaz") and a ticket's status for its customer.
import type { Localized } from "../i18n";
import { request } from "./http";

export interface NewTicket {
  first_name: string;
  last_name: string;
  email: string;
  subject: string;
  message: string;
  payment_id?: string;
  imeis?: string[];
  category?: string;
}

export interface CreatedTicket {
  ticket_id: string;
  sla_hours: number;
  due_at: string;
  status_url: string;
  confirmation_sent_to: string | null;
}

export interface TicketStatus {
  ticket_id: string;
  state: string;
  state_text: Localized;
  subject: string;
  opened_at: string;
  due_at: string;
  sla_hours: number;
  answers: { at: string; text: string }[];
  institution: string | null;
  resolution: string | null;
}

export function submitTicket(body: NewTicket): Promise<CreatedTicket> {
  return request<CreatedTicket>("POST", "/api/support/tickets", { body });
}

export function ticketStatus(id: string, email: string): Promise<TicketStatus> {
  const query = new URLSearchParams({ email });
  return request<TicketStatus>("GET", `/api/support/tickets/${encodeURIComponent(id)}?${query}`);
}
