/**
 * Errors that become RFC 9457 problem responses. Commands and policies throw these; the
 * error handler in server.ts turns them into application/problem+json with a stable code.
 */
export class ProblemError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly extra: { errors?: { path: string; message: string }[]; headers?: Record<string, string> } = {},
  ) {
    super(message);
  }
}

export const notFound = (what = "resource") => new ProblemError(404, "not_found", `The ${what} does not exist.`);
export const forbidden = (detail = "Your role does not allow this.") => new ProblemError(403, "forbidden", detail);
export const unauthorized = (detail = "Sign in or send an API key.") => new ProblemError(401, "unauthorized", detail);
export const conflict = (code: string, detail: string) => new ProblemError(409, code, detail);
export const badRequest = (code: string, detail: string, errors?: { path: string; message: string }[]) =>
  new ProblemError(400, code, detail, errors ? { errors } : {});

export const TITLES: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  405: "Method Not Allowed",
  409: "Conflict",
  413: "Payload Too Large",
  415: "Unsupported Media Type",
  422: "Unprocessable Content",
  429: "Too Many Requests",
  500: "Internal Server Error",
  503: "Service Unavailable",
};
