import type { z } from "zod";

/**
 * One API endpoint: the server registers it (validation, OpenAPI) and the web client calls
 * it with the same types. Paths use `{param}`.
 */
export type Endpoint = {
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  path: string;
  summary: string;
  tags: string[];
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  /** Success status and body; `null` for 204 No Content. */
  status: 200 | 201 | 202 | 204;
  response: z.ZodType | null;
  /** False only for the few public endpoints (sign-in, health). */
  auth?: boolean;
};

export function endpoint<const E extends Endpoint>(e: E): E {
  return e;
}

export type BodyOf<E extends Endpoint> = E["body"] extends z.ZodType ? z.input<E["body"]> : undefined;
export type QueryOf<E extends Endpoint> = E["query"] extends z.ZodType ? z.input<E["query"]> : undefined;
export type ResponseOf<E extends Endpoint> = E["response"] extends z.ZodType ? z.output<E["response"]> : undefined;
