import path from "node:path";
import { z } from "zod";

/**
 * Process configuration, read once from the environment. Everything has a default that
 * works on a developer laptop: `npm start` needs no configuration at all.
 */
const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default("127.0.0.1"),
  RAPPORT_DATA_DIR: z.string().default("./data"),
  DATABASE_URL: z.string().url().optional(),
  DATABASE_ADMIN_URL: z.string().url().optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  RAPPORT_PUBLIC_URL: z.string().url().optional(),
  RAPPORT_SEED_DEMO: z.enum(["auto", "never"]).default("auto"),
  RAPPORT_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(600),
  RAPPORT_BODY_LIMIT_BYTES: z.coerce.number().int().positive().default(1_048_576),
  RAPPORT_TRUST_PROXY: z.enum(["true", "false"]).default("false"),
  RAPPORT_SERVE_WEB: z.enum(["true", "false"]).default("true"),
});

export type Config = {
  env: "development" | "production" | "test";
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  databaseAdminUrl: string | undefined;
  logLevel: string;
  publicUrl: string | undefined;
  seedDemo: boolean;
  rateLimitPerMinute: number;
  bodyLimitBytes: number;
  trustProxy: boolean;
  /** False for API-only copies (and tests): no web build, no static files. */
  serveWeb: boolean;
  /** Secure cookies only when served over TLS (a public https URL). */
  secureCookies: boolean;
};

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join("\n")}`);
  }
  const e = parsed.data;
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.RAPPORT_DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    databaseAdminUrl: e.DATABASE_ADMIN_URL ?? e.DATABASE_URL,
    logLevel: e.LOG_LEVEL,
    publicUrl: e.RAPPORT_PUBLIC_URL,
    seedDemo: e.RAPPORT_SEED_DEMO === "auto",
    rateLimitPerMinute: e.RAPPORT_RATE_LIMIT_PER_MINUTE,
    bodyLimitBytes: e.RAPPORT_BODY_LIMIT_BYTES,
    trustProxy: e.RAPPORT_TRUST_PROXY === "true",
    serveWeb: e.RAPPORT_SERVE_WEB === "true",
    secureCookies: e.RAPPORT_PUBLIC_URL?.startsWith("https://") ?? false,
  };
}
