// What is wrong with a typed pair of trace duration bounds, before the server is asked: the
// search API's own rule (lib/traces/trace-search-query.ts) of milliseconds, fractions allowed.

const MILLISECONDS = /^\d+(\.\d+)?$/;

export type DurationBound = "min" | "max";

/** The first problem of the bounds as typed ("" for none), or null when they can be searched. */
export function durationProblem(min: string, max: string): { bound: DurationBound; message: string } | null {
  for (const [bound, text] of [
    ["min", min],
    ["max", max],
  ] as const) {
    if (text !== "" && !MILLISECONDS.test(text)) {
      return { bound, message: `The ${bound === "min" ? "minimum" : "maximum"} must be a number of milliseconds, 0 or more (like 250 or 0.5).` };
    }
  }
  if (min !== "" && max !== "" && Number(max) < Number(min)) return { bound: "max", message: "The maximum must not be less than the minimum." };
  return null;
}
