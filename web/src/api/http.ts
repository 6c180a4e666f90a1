// JSON over fetch; answers that are not 2xx become ApiError carrying the RFC 9457 problem.
import type { Localized } from "../i18n";

export interface FieldError {
  field: string;
  problem?: string;
  code?: string;
  message?: Localized;
}

export interface Problem {
  status: number;
  code: string;
  message: Localized;
  errors?: FieldError[];
}

export class ApiError extends Error {
  constructor(
    readonly problem: Problem,
    readonly retryAfterSeconds: number | null,
  ) {
    super(problem.code);
  }
}

/** The request never got an answer: the server may or may not have acted on it. */
export class NetworkError extends Error {}

interface Options {
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

export async function request<T>(method: string, path: string, options: Options = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: "application/json", ...options.headers };
  const init: RequestInit = { method, headers, credentials: "same-origin" };
  if (options.body instanceof FormData) {
    init.body = options.body; // the browser writes the multipart Content-Type with its boundary
  } else if (options.body !== undefined) {
    headers["Content-Type"] = "application/json";
    init.body = JSON.stringify(options.body);
  }
  if (options.signal) init.signal = options.signal;
  let response: Response;
  try {
    response = await fetch(path, init);
  } catch (error) {
    if (error instanceof DOMException && error.name === "AbortError") throw error;
    throw new NetworkError(String(error));
  }
  const payload: unknown = await response.json().catch(() => null);
  if (response.ok) return payload as T;
  const retryAfter = Number(response.headers.get("Retry-After"));
  throw new ApiError(asProblem(payload, response.status), retryAfter > 0 ? retryAfter : null);
}

function asProblem(payload: unknown, status: number): Problem {
  if (payload && typeof payload === "object" && "code" in payload) {
    const problem = payload as Partial<Problem>;
    return { ...problem, status, code: String(problem.code), message: problem.message ?? {} };
  }
  return { status, code: `http_${status}`, message: {} };
}
