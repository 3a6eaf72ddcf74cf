// Structured JSON logs (pino), one line per event, with levels (FLOWPRINT_LOG_LEVEL: debug,
// info, warn, error; info by default). Nothing a request carries in its body is logged, and
// credentials are redacted wherever they would appear, so prompts and secrets stay out.
import pino from "pino";

const LEVELS = new Set(["trace", "debug", "info", "warn", "error", "fatal", "silent"]);

function level(): string {
  const asked = process.env.FLOWPRINT_LOG_LEVEL?.trim().toLowerCase();
  return asked && LEVELS.has(asked) ? asked : "info";
}

const slot = globalThis as typeof globalThis & { __flowprintLogger?: pino.Logger };

export const logger: pino.Logger = (slot.__flowprintLogger ??= pino({
  level: level(),
  base: { service: "flowprint" },
  timestamp: pino.stdTimeFunctions.isoTime,
  formatters: { level: (label) => ({ level: label }) },
  redact: {
    paths: ["authorization", "cookie", "password", "token", "key", "secret", "*.authorization", "*.cookie", "*.password", "*.token", "*.key", "*.secret", "headers.authorization", "headers.cookie"],
    censor: "[redacted]",
  },
}));

/** An error as log fields: its message and stack, not whatever else it carries. */
export function errorFields(error: unknown): { err: { message: string; stack?: string; name?: string } } {
  return error instanceof Error ? { err: { name: error.name, message: error.message, stack: error.stack } } : { err: { message: String(error) } };
}
