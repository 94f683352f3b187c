import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import { IdempotentReplay } from "./command.js";
import { ProblemError, TITLES } from "./problem.js";

export type ProblemBody = {
  type: string;
  title: string;
  status: number;
  code: string;
  detail?: string;
  instance?: string;
  requestId: string;
  errors?: { path: string; message: string }[];
};

export function sendProblem(
  reply: FastifyReply,
  req: FastifyRequest,
  status: number,
  code: string,
  detail: string | undefined,
  errors?: { path: string; message: string }[],
) {
  const body: ProblemBody = {
    type: `https://rapport.dev/problems/${code}`,
    title: TITLES[status] ?? "Error",
    status,
    code,
    ...(detail ? { detail } : {}),
    instance: req.url.split("?")[0],
    requestId: req.id,
    ...(errors ? { errors } : {}),
  };
  return reply.status(status).type("application/problem+json").send(body);
}

/** Maps every error to a problem response; never leaks a stack trace or SQL. */
export function installErrorHandling(app: FastifyInstance, spaIndex: () => Buffer | undefined) {
  // Unknown API paths are problems; any other GET is a client-side route of the web app.
  app.setNotFoundHandler((req, reply) => {
    const index = spaIndex();
    if (index && req.method === "GET" && !req.url.startsWith("/api/") && req.url !== "/healthz") {
      return reply.type("text/html; charset=utf-8").header("Cache-Control", "no-cache").send(index);
    }
    return sendProblem(reply, req, 404, "not_found", "No such endpoint.");
  });
  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (err instanceof IdempotentReplay) {
      reply.header("Idempotent-Replayed", "true").status(err.status);
      return err.status === 204 ? reply.send() : reply.send(err.body);
    }
    if (err instanceof ProblemError) {
      for (const [k, v] of Object.entries(err.extra.headers ?? {})) reply.header(k, v);
      return sendProblem(reply, req, err.status, err.code, err.message, err.extra.errors);
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const errors = err.validation.map((v) => ({
        path: [
          err.validationContext,
          ...String(v.instancePath ?? "")
            .split("/")
            .filter(Boolean),
        ].join("."),
        message: v.message ?? "invalid",
      }));
      return sendProblem(reply, req, 400, "validation_failed", "The request is not valid.", errors);
    }
    const status = err.statusCode ?? 500;
    if (status === 413) return sendProblem(reply, req, 413, "payload_too_large", "The request body is too large.");
    if (status === 415) return sendProblem(reply, req, 415, "unsupported_media_type", "Send JSON (application/json).");
    if (status === 429) return sendProblem(reply, req, 429, "rate_limited", "Too many requests; retry later.");
    if (status >= 400 && status < 500) {
      return sendProblem(
        reply,
        req,
        status,
        err.code === "FST_ERR_CTP_INVALID_JSON_BODY" || status === 400 ? "bad_request" : "client_error",
        err.message,
      );
    }
    req.log.error({ err }, "request failed");
    return sendProblem(reply, req, 500, "internal_error", "Something went wrong; the request changed nothing.");
  });
}
