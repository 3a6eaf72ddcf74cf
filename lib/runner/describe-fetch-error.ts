// fetch reports every network failure as "fetch failed"; the useful part (ECONNREFUSED, a DNS
// miss, a reset) is in its cause.
export function describeFetchError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  if (error.name === "TimeoutError") return "timed out";
  const cause = (error as { cause?: unknown }).cause;
  if (cause instanceof Error) {
    const code = (cause as { code?: unknown }).code;
    const nested = (cause as { errors?: unknown }).errors;
    // Connecting to "localhost" tries ::1 and 127.0.0.1 and fails with both.
    if (Array.isArray(nested) && nested[0] instanceof Error) return describeFetchError(Object.assign(new Error(error.message), { cause: nested[0] }));
    if (typeof code === "string" && !cause.message.includes(code)) return `${cause.message} (${code})`;
    return cause.message || (typeof code === "string" ? code : error.message);
  }
  return error.message;
}
