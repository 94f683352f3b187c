import { type BodyOf, type Endpoint, problemSchema, type QueryOf, type ResponseOf } from "@rapport/contract";
import type { z } from "zod";
import { apiTexts } from "./api.texts";
import { ApiError } from "./api-error";
import { buildUrl } from "./build-url";
import { randomUuid } from "./random-uuid";
import { parseRetryAfter } from "./retry-after";

export type ParamsOf<E extends Endpoint> = E["params"] extends z.ZodType ? z.input<E["params"]> : undefined;

/** A key is required when its type has required fields, optional when everything in it is optional, absent when the endpoint has none. */
type Part<K extends string, T> = [T] extends [undefined]
  ? { [P in K]?: undefined }
  : Record<string, never> extends T
    ? { [P in K]?: T }
    : { [P in K]: T };

export type CallOptions<E extends Endpoint> = Part<"params", ParamsOf<E>> &
  Part<"query", QueryOf<E>> &
  Part<"body", BodyOf<E>> & {
    signal?: AbortSignal;
    /** Defaults to a fresh UUID on every POST; pass one to make a retried submit idempotent. */
    idempotencyKey?: string;
  };

type CallArgs<E extends Endpoint> = Record<string, never> extends CallOptions<E> ? [options?: CallOptions<E>] : [options: CallOptions<E>];

const MUTATING = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * Calls one contract endpoint. Pages never write URLs: they pass the endpoint object, and the
 * types of params, query, body and the result come from the contract.
 */
export async function apiCall<E extends Endpoint>(endpoint: E, ...[options]: CallArgs<E>): Promise<ResponseOf<E>> {
  const opts = (options ?? {}) as {
    params?: Record<string, unknown>;
    query?: unknown;
    body?: unknown;
    signal?: AbortSignal;
    idempotencyKey?: string;
  };
  const url = buildUrl(endpoint.path, opts.params, opts.query);
  const headers = new Headers({ Accept: "application/json, application/problem+json" });
  if (MUTATING.has(endpoint.method)) headers.set("X-Requested-With", "rapport");
  if (endpoint.method === "POST") headers.set("Idempotency-Key", opts.idempotencyKey ?? randomUuid());
  let body: string | undefined;
  if (opts.body !== undefined) {
    headers.set("Content-Type", "application/json");
    body = JSON.stringify(opts.body);
  }

  let response: Response;
  try {
    response = await fetch(url, {
      method: endpoint.method,
      headers,
      body,
      credentials: "same-origin",
      signal: opts.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === "AbortError") throw error;
    throw new ApiError({ status: 0, code: "network_error", title: apiTexts.networkError });
  }

  if (!response.ok) throw await toApiError(response);
  if (response.status === 204 || endpoint.response === null) return undefined as ResponseOf<E>;

  const json: unknown = await response.json().catch(() => undefined);
  const parsed = endpoint.response.safeParse(json);
  if (!parsed.success) {
    console.error(`Response of ${endpoint.method} ${endpoint.path} does not match the contract`, parsed.error.issues);
    throw new ApiError({ status: response.status, code: "invalid_response", title: apiTexts.invalidResponse });
  }
  return parsed.data as ResponseOf<E>;
}

async function toApiError(response: Response): Promise<ApiError> {
  const retryAfter = parseRetryAfter(response.headers.get("Retry-After"));
  const json: unknown = await response.json().catch(() => undefined);
  const problem = problemSchema.safeParse(json);
  if (problem.success) return ApiError.fromProblem(problem.data, retryAfter);
  return new ApiError({
    status: response.status,
    code: `http_${response.status}`,
    title: response.statusText || apiTexts.unexpectedStatus(response.status),
    retryAfterSeconds: retryAfter,
  });
}
