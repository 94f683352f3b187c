import pino from "pino";

/** JSON-lines logger shared by the API, the worker and the CLI (which logs to stderr). */
export function createLogger(level: string, destination: "stdout" | "stderr" = "stdout") {
  return pino(
    {
      level,
      redact: {
        paths: ["req.headers.authorization", "req.headers.cookie", "password", "*.password"],
        censor: "[redacted]",
      },
    },
    pino.destination(destination === "stdout" ? 1 : 2),
  );
}

export type Logger = pino.Logger;
