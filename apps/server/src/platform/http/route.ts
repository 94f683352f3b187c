import type { BodyOf, Endpoint, ResponseOf } from "@rapport/contract";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { z } from "zod";
import { type Authenticator, authenticate, rememberedCredential } from "../auth/authenticator.js";
import type { CredentialCheck } from "../auth/credential-check.js";
import type { Principal } from "../auth/principal.js";
import { JsonText } from "./json-text.js";

type Out<S> = S extends z.ZodType ? z.output<S> : undefined;

export type RouteInput<E extends Endpoint> = {
  params: Out<E["params"]>;
  query: Out<E["query"]>;
  body: Out<E["body"]>;
  principal: Principal;
  /**
   * Set for routes registered with `foldCredentialCheck` when the caller's API key was taken
   * from memory: the handler's one statement must evaluate it (runList does).
   */
  credentialCheck: CredentialCheck | undefined;
  req: FastifyRequest;
  reply: FastifyReply;
};

declare module "fastify" {
  interface FastifyRequest {
    principal?: Principal;
    credentialCheck?: CredentialCheck;
  }
  interface FastifyContextConfig {
    successStatus?: number;
  }
}

/**
 * Registers one contract endpoint: validation of params, query and body by its zod schemas,
 * authentication, and the response schema (which also strips anything not in the contract).
 */
export function route<E extends Endpoint>(
  app: FastifyInstance,
  auth: Authenticator,
  e: E,
  handler: (input: RouteInput<E>) => Promise<ResponseOf<E> | JsonText<ResponseOf<E>> | undefined>,
  /** foldCredentialCheck: see routeFoldingCredentialCheck. */
  options: { foldCredentialCheck?: boolean } = {},
) {
  app.route({
    method: e.method,
    url: e.path.replace(/\{(\w+)\}/g, ":$1"),
    config: { successStatus: e.status },
    schema: {
      summary: e.summary,
      tags: e.tags,
      ...(e.params ? { params: e.params } : {}),
      ...(e.query ? { querystring: e.query } : {}),
      ...(e.body ? { body: e.body } : {}),
      ...(e.auth === false ? {} : { security: [{ session: [] }, { apiKey: [] }] }),
      response: e.response ? { [e.status]: e.response } : {},
    },
    ...(e.auth === false
      ? {}
      : {
          // onRequest: before the body is parsed or validated, so anonymous calls get 401.
          onRequest: async (req: FastifyRequest) => {
            const remembered = options.foldCredentialCheck ? rememberedCredential(auth, req) : undefined;
            if (remembered) {
              req.principal = remembered.principal;
              req.credentialCheck = remembered.check;
            } else {
              req.principal = await authenticate(auth, req);
            }
          },
        }),
    handler: async (req, reply) => {
      let result: Awaited<ReturnType<typeof handler>>;
      try {
        result = await handler({
          params: req.params as Out<E["params"]>,
          query: req.query as Out<E["query"]>,
          body: req.body as Out<E["body"]>,
          principal: req.principal as Principal,
          credentialCheck: req.credentialCheck,
          req,
          reply,
        });
      } catch (err) {
        // An answer that did not come from the handler's statement (a 400, 403, 404, an
        // Idempotency-Key replay) is not sent to a remembered key revoked meanwhile either.
        if (req.credentialCheck && !req.credentialCheck.verified) await authenticate(auth, req);
        throw err;
      }
      // A remembered key the handler's statement did not re-verify gets the full lookup
      // before anything is sent (401 if it was revoked meanwhile).
      if (req.credentialCheck && !req.credentialCheck.verified) await authenticate(auth, req);
      reply.status(e.status);
      if (result instanceof JsonText) return reply.type("application/json; charset=utf-8").send(result.text);
      return e.status === 204 ? reply.send() : result;
    },
  });
}

export type { BodyOf };

/**
 * `route` for hot reads whose handler runs one statement that evaluates `credentialCheck`
 * (runList does): a remembered API key is re-verified inside that statement instead of by
 * a lookup of its own (decision 0024).
 */
export function routeFoldingCredentialCheck<E extends Endpoint>(
  app: FastifyInstance,
  auth: Authenticator,
  e: E,
  handler: (input: RouteInput<E>) => Promise<ResponseOf<E> | JsonText<ResponseOf<E>> | undefined>,
) {
  route(app, auth, e, handler, { foldCredentialCheck: true });
}
