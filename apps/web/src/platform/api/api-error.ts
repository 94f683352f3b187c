import type { Problem } from "@rapport/contract";

/** A failed API call: the server's problem+json, or a network failure (status 0). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly detail: string | undefined;
  readonly requestId: string | undefined;
  /** Field path (e.g. "email", "memberIds.0") → message, from the problem's `errors`. */
  readonly fieldErrors: Readonly<Record<string, string>>;
  /** Seconds to wait before retrying, from a 429's Retry-After header. */
  readonly retryAfterSeconds: number | null;

  constructor(init: {
    status: number;
    code: string;
    title: string;
    detail?: string | undefined;
    requestId?: string | undefined;
    fieldErrors?: Record<string, string>;
    retryAfterSeconds?: number | null;
  }) {
    super(init.detail ?? init.title);
    this.name = "ApiError";
    this.status = init.status;
    this.code = init.code;
    this.detail = init.detail;
    this.requestId = init.requestId;
    this.fieldErrors = init.fieldErrors ?? {};
    this.retryAfterSeconds = init.retryAfterSeconds ?? null;
  }

  get hasFieldErrors(): boolean {
    return Object.keys(this.fieldErrors).length > 0;
  }

  static fromProblem(problem: Problem, retryAfterSeconds: number | null): ApiError {
    const fieldErrors: Record<string, string> = {};
    for (const e of problem.errors ?? []) {
      const path = normaliseFieldPath(e.path);
      fieldErrors[path] ??= e.message;
    }
    return new ApiError({
      status: problem.status,
      code: problem.code,
      title: problem.title,
      detail: problem.detail,
      requestId: problem.requestId,
      fieldErrors,
      retryAfterSeconds,
    });
  }
}

/** Accepts "email", "body.email", "/body/email" or "/email" and returns "email". */
function normaliseFieldPath(path: string): string {
  const dotted = path.replace(/^\//, "").replace(/\//g, ".");
  return dotted.replace(/^(body|query|params)\./, "");
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}
