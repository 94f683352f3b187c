import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import cookie from "@fastify/cookie";
import rateLimit from "@fastify/rate-limit";
import fastifyStatic from "@fastify/static";
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from "fastify";
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from "fastify-type-provider-zod";
import type { Config } from "../config.js";
import type { Logger } from "../logging/logger.js";
import { installErrorHandling } from "./error-handler.js";
import { installSecurityHeaders } from "./security-headers.js";

/**
 * The Fastify instance with everything that is not a module: validation by the contract's
 * zod schemas, problem errors, security headers, rate limits, body limit, request ids,
 * the OpenAPI document and its docs page.
 */
export async function createHttpServer(config: Config, log: Logger): Promise<FastifyInstance> {
  const app: FastifyInstance = Fastify({
    loggerInstance: log as FastifyBaseLogger,
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    genReqId: (req) => {
      const incoming = req.headers["x-request-id"];
      return typeof incoming === "string" && /^[\w.-]{1,100}$/.test(incoming) ? incoming : crypto.randomUUID();
    },
    requestTimeout: 120_000,
    // Long-lived SSE connections are exempt from this (they are not "requests in progress").
    connectionTimeout: 0,
    routerOptions: { maxParamLength: 200 },
    ajv: undefined,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook("onSend", async (req, reply, payload) => {
    reply.header("X-Request-Id", req.id);
    return payload;
  });
  installErrorHandling(app, () => spaIndexes.get(app));
  installSecurityHeaders(app, { hsts: config.secureCookies });
  await app.register(cookie);
  await app.register(rateLimit, {
    global: true,
    max: config.rateLimitPerMinute,
    timeWindow: 60_000,
    // Per API key or session when there is one, else per address.
    keyGenerator: (req) => {
      const auth = req.headers.authorization;
      if (auth) return `key:${crypto.createHash("sha256").update(auth).digest("base64url").slice(0, 22)}`;
      const session = req.cookies?.rapport_session;
      if (session) return `session:${session.slice(0, 40)}`;
      return `ip:${req.ip}`;
    },
    allowList: (req) => req.url === "/healthz",
    errorResponseBuilder: (_req, ctx) => {
      const err = new Error("Too many requests; retry later.") as Error & { statusCode: number };
      err.statusCode = ctx.statusCode;
      return err;
    },
  });
  await app.register(swagger, {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "Rapport API",
        version: "1",
        description:
          "REST API of Rapport. Authenticate with `Authorization: Bearer <api key>` (create keys in Settings → API keys or with `npx rapport api-keys create`). Errors are RFC 9457 problem documents. Every POST accepts an `Idempotency-Key` header.",
      },
      components: {
        securitySchemes: {
          apiKey: { type: "http", scheme: "bearer" },
          session: { type: "apiKey", in: "cookie", name: "rapport_session" },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: "/api/docs", staticCSP: true });
  app.get("/api/openapi.json", { schema: { hide: true } }, async () => app.swagger());
  return app;
}

const spaIndexes = new WeakMap<FastifyInstance, Buffer>();

/** Serves the built web app, with index.html for every client-side route. */
export async function serveWebApp(app: FastifyInstance, distDir: string) {
  if (!fs.existsSync(path.join(distDir, "index.html"))) {
    app.log.warn({ distDir }, "the web app is not built; run `npm run build` (npm start does it)");
    return;
  }
  await app.register(fastifyStatic, { root: distDir, wildcard: false, index: false });
  spaIndexes.set(app, fs.readFileSync(path.join(distDir, "index.html")));
}
