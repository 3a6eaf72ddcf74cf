// Readers for the JSON-safe shapes the flow statistics modules store in database columns.
// Stored rows outlive the code that wrote them and may be hand-edited or truncated, so every
// field is checked and a bad row fails loudly with StatsDecodeError instead of turning into
// NaN counts that would poison every later merge.

/** A stored statistics value that cannot be read back; the caller can rebuild it from spans. */
export class StatsDecodeError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "StatsDecodeError";
  }
}

export function readRecord(value: unknown, what: string): Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new StatsDecodeError(`${what} must be an object`);
  }
  return value as Record<string, unknown>;
}

export function readVersion(record: Record<string, unknown>, expected: number, what: string): void {
  if (record.version !== expected) {
    throw new StatsDecodeError(`${what}.version must be ${expected}, got ${String(record.version)}`);
  }
}

/** A count: a non-negative integer that a double still holds exactly. */
export function readCount(record: Record<string, unknown>, field: string, what: string): number {
  const value = record[field];
  if (typeof value !== "number" || !Number.isSafeInteger(value) || value < 0) {
    throw new StatsDecodeError(`${what}.${field} must be a non-negative integer`);
  }
  return value;
}

export function readFiniteNumber(record: Record<string, unknown>, field: string, what: string): number {
  const value = record[field];
  if (typeof value !== "number" || !Number.isFinite(value)) {
    throw new StatsDecodeError(`${what}.${field} must be a finite number`);
  }
  return value;
}

export function readNullableFiniteNumber(
  record: Record<string, unknown>,
  field: string,
  what: string,
): number | null {
  return record[field] === null ? null : readFiniteNumber(record, field, what);
}

export function readString(record: Record<string, unknown>, field: string, what: string): string {
  const value = record[field];
  if (typeof value !== "string") throw new StatsDecodeError(`${what}.${field} must be a string`);
  return value;
}

export function readArray(record: Record<string, unknown>, field: string, what: string): readonly unknown[] {
  const value = record[field];
  if (!Array.isArray(value)) throw new StatsDecodeError(`${what}.${field} must be an array`);
  return value;
}
