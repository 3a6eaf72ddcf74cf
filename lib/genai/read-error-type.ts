import type { Span } from "../otlp/span";
import { readString } from "./read-attribute";

/**
 * Whether the call failed, and how: `error.type` (which the GenAI conventions set only on
 * failure, even where the span status was left unset), else the `exception` event's type, else
 * the status message. "" when the call did not fail.
 */
export function readError(span: Span): { isError: boolean; errorType: string } {
  const errorType = readString(span.attributes["error.type"]);
  if (span.status !== "error" && errorType === "") return { isError: false, errorType: "" };
  if (errorType !== "") return { isError: true, errorType };
  const exception = span.events.find((event) => event.name === "exception");
  const exceptionType = exception ? readString(exception.attributes["exception.type"]) : "";
  return { isError: true, errorType: exceptionType || span.statusMessage };
}
