// A Jaeger span's status, read from its tags the way the Collector's setInternalSpanStatus
// does, removing the tags it consumed: `error=true` (a bool) wins; else `otel.status_code`
// (OK / ERROR); else an HTTP status code on the span. `otel.status_description` is the message.
import { JAEGER_TAG } from "./jaeger-json";
import { STATUS_ERROR, STATUS_OK, STATUS_UNSET, stringAttribute, type AttributeMap, type OtlpJsonAnyValue } from "./otlp-json";

const SERVER = 2;
const CLIENT = 3;
const HTTP_STATUS_MESSAGE = "http.status_message";
/** The Collector reads the pre-1.21 key; the current one is read too so newer spans get the same. */
const HTTP_STATUS_CODE_KEYS = ["http.status_code", "http.response.status_code"];

export interface SpanStatusJson {
  code: number;
  message?: string;
}

export function takeJaegerStatus(attributes: AttributeMap, kind: number): SpanStatusJson {
  const error = attributes.get(JAEGER_TAG.error);
  if (error !== undefined && "boolValue" in error && error.boolValue) {
    attributes.delete(JAEGER_TAG.error);
    // The error tag is the ultimate truth for a Jaeger span; otel.status_code goes either way.
    attributes.delete(JAEGER_TAG.statusCode);
    return withMessage(STATUS_ERROR, takeDescription(attributes) ?? stringAttribute(attributes, HTTP_STATUS_MESSAGE));
  }
  const statusCode = attributes.get(JAEGER_TAG.statusCode);
  if (statusCode !== undefined) {
    attributes.delete(JAEGER_TAG.statusCode);
    const text = "stringValue" in statusCode ? statusCode.stringValue.toUpperCase() : "";
    const code = text === "OK" ? STATUS_OK : text === "ERROR" ? STATUS_ERROR : STATUS_UNSET;
    return withMessage(code, takeDescription(attributes));
  }
  for (const key of HTTP_STATUS_CODE_KEYS) {
    const httpCode = readHttpCode(attributes.get(key));
    if (httpCode === undefined) continue;
    const code = statusFromHttp(httpCode, kind);
    return code === STATUS_UNSET ? { code } : withMessage(code, stringAttribute(attributes, HTTP_STATUS_MESSAGE));
  }
  return { code: STATUS_UNSET };
}

function takeDescription(attributes: AttributeMap): string | undefined {
  const description = attributes.get(JAEGER_TAG.statusDescription);
  if (description === undefined) return undefined;
  attributes.delete(JAEGER_TAG.statusDescription);
  return "stringValue" in description ? description.stringValue : "";
}

function withMessage(code: number, message: string | undefined): SpanStatusJson {
  return message === undefined || message === "" ? { code } : { code, message };
}

function readHttpCode(value: OtlpJsonAnyValue | undefined): number | undefined {
  if (value === undefined) return undefined;
  const text = "intValue" in value ? value.intValue : "stringValue" in value ? value.stringValue : "";
  return /^-?\d+$/.test(text) ? Number(text) : undefined;
}

/**
 * OpenTelemetry's HTTP rule: 4xx is an error for the client but not for the server that
 * answered it; 5xx and anything outside 100-399 is an error.
 */
function statusFromHttp(httpCode: number, kind: number): number {
  if (httpCode >= 400 && httpCode < 500) {
    if (kind === CLIENT) return STATUS_ERROR;
    if (kind === SERVER) return STATUS_UNSET;
  }
  return httpCode >= 100 && httpCode < 400 ? STATUS_UNSET : STATUS_ERROR;
}
