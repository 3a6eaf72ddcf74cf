// OTLP/HTTP ingestion (outside /api: the paths OTel SDKs and the Collector default to) and
// the ingest keys that guard it.
import { createIngestKeySchema, ingestKeyParamsSchema } from "../../ingest-keys.schemas";
import { workspaceParamsSchema } from "../../workspace.schemas";
import type { createIngestKey, IngestKeyView } from "../../../store/workspace-repository";
import { arrayOf, dateTime, fieldsOf, int, nullable, objectWith, openObject, str, type JsonSchema } from "../json-schema";
import { errorResponse, NO_CONTENT, WORKSPACE_PATH, type ApiOperation, type ApiResponse, type Content } from "../operation";

// OTLP answers in the request's own encoding: protobuf for protobuf, OTLP/JSON for JSON.
function otlpContent(json: JsonSchema): Content {
  return { "application/x-protobuf": {}, "application/json": { schema: json } };
}

const rpcStatus = otlpContent(objectWith({ code: int("google.rpc.Code"), message: str() }, { description: "google.rpc.Status" }));
const status = (description: string, headers?: ApiResponse["headers"]): ApiResponse => ({ description, content: rpcStatus, ...(headers ? { headers } : {}) });
const retryAfter = { "retry-after": { description: "Seconds to wait before retrying.", schema: int() } };

function otlpReceiver(path: string, operationId: string, summary: string): ApiOperation {
  return {
    method: "post",
    path,
    operationId,
    summary,
    description:
      "As the OTLP/HTTP specification prescribes; no bad input ever gets a 500. Spans are stored before the 200 (a retried span is stored once). Other methods answer 405 with Allow: POST.",
    tag: "ingestion",
    access: "ingest-key",
    errorShape: "own",
    headers: [
      { name: "X-Workspace-ID", description: "The workspace, without an ingest key (default `default`; created on first use). With a key, naming another workspace than the key's is a 403.", schema: { type: "string", pattern: "^[A-Za-z0-9_-]{1,64}$" } },
      { name: "Content-Encoding", description: "gzip, or none.", schema: { type: "string", enum: ["gzip", "identity"] } },
    ],
    body: {
      description: "An ExportTraceServiceRequest: protobuf, or OTLP/JSON (`; charset=` allowed). At most FLOWPRINT_MAX_BODY_BYTES before and after decompression.",
      content: otlpContent(objectWith({ resourceSpans: arrayOf(openObject("resource, scopeSpans")) }, { description: "OTLP/JSON ExportTraceServiceRequest (resource_spans also read)." })),
    },
    responses: {
      200: {
        description: "The spans are committed. Some invalid spans (bad ids, no name) are left out and reported in partialSuccess; the valid ones are stored.",
        content: otlpContent(
          objectWith({}, { optional: { partialSuccess: objectWith({}, { optional: { rejectedSpans: str("int64, as proto3 JSON writes it"), errorMessage: str() } }) }, description: "ExportTraceServiceResponse" }),
        ),
      },
      400: status("A body that does not decode, corrupt gzip, or a bad X-Workspace-ID."),
      401: status("No key where one is needed (any key exists, or accounts are on and the workspace's keyless_ingest is off), or an unknown or revoked key."),
      403: status("A key used for another workspace than its own, or ingestion disabled in the workspace's settings (enabled: false)."),
      413: status("The body is over the limit, compressed or decompressed."),
      415: status("Another content type or content encoding."),
      503: status("Overloaded (too many requests in flight, or the writer's queue full) or the spans could not be stored: retry.", retryAfter),
    },
  };
}

const plain = (description: string, headers?: ApiResponse["headers"]): ApiResponse => ({ description, content: { "text/plain": { schema: str() } }, ...(headers ? { headers } : {}) });

/** Zipkin's collector API, answered as Zipkin answers. */
const ZIPKIN_RECEIVER: ApiOperation = {
  method: "post",
  path: "/api/v2/spans",
  operationId: "receiveZipkinSpans",
  summary: "Zipkin's collector API: Zipkin v2 JSON spans",
  description: "The same keys, workspace header, keyless rules, size limit and overload handling as OTLP. Other methods answer 405 with Allow: POST.",
  tag: "ingestion",
  access: "ingest-key",
  errorShape: "own",
  headers: [
    { name: "X-Workspace-ID", description: "The workspace, as for OTLP.", schema: { type: "string", pattern: "^[A-Za-z0-9_-]{1,64}$" } },
    { name: "Content-Encoding", description: "gzip, or none.", schema: { type: "string", enum: ["gzip", "identity"] } },
  ],
  body: { description: "A JSON array of Zipkin v2 spans.", content: { "application/json": { schema: arrayOf(openObject("A Zipkin v2 span: traceId, id, parentId, name, kind, timestamp, duration, localEndpoint, remoteEndpoint, tags, annotations.")) } } },
  responses: {
    202: { description: "Stored; no body, as Zipkin answers." },
    400: plain("Not JSON, not an array of v2 spans, or a span that cannot be read (named); nothing of the batch is stored."),
    401: plain("No key where one is needed, or an unknown key."),
    403: plain("Another workspace's key, or ingestion disabled."),
    413: plain("The body is over the limit, compressed or decompressed."),
    415: plain("Protobuf or another content type: JSON only."),
    503: plain("Overloaded or the spans could not be stored: retry.", retryAfter),
  },
};

// Metrics and logs are answered, not kept: a 200 rejecting every item, so an SDK pointed at the
// base endpoint warns once instead of retrying (lib/otlp/other-signals.ts).
function otherSignalReceiver(signal: "metrics" | "logs", operationId: string): ApiOperation {
  const counted = signal === "metrics" ? "rejectedDataPoints" : "rejectedLogRecords";
  return {
    method: "post",
    path: `/v1/${signal}`,
    operationId,
    summary: `Accept OTLP ${signal} and drop them: Flowprint stores traces only`,
    description: `Every ${signal === "metrics" ? "data point" : "log record"} is answered as rejected, with why. Nothing is stored, so no key is asked for. Other methods answer 405 with Allow: POST.`,
    tag: "ingestion",
    access: "public",
    errorShape: "own",
    headers: [{ name: "Content-Encoding", description: "gzip, or none.", schema: { type: "string", enum: ["gzip", "identity"] } }],
    body: {
      description: `An Export${signal === "metrics" ? "Metrics" : "Logs"}ServiceRequest: protobuf or OTLP/JSON.`,
      content: otlpContent(openObject(`OTLP/JSON Export${signal === "metrics" ? "Metrics" : "Logs"}ServiceRequest`)),
    },
    responses: {
      200: {
        description: "Nothing kept: partialSuccess counts every item as rejected and says why (absent when nothing was sent).",
        content: otlpContent(objectWith({}, { optional: { partialSuccess: objectWith({ [counted]: str("int64, as proto3 JSON writes it"), errorMessage: str() }) } })),
      },
      400: status("A body that is not an OTLP export request of this signal, or corrupt gzip."),
      413: status("The body is over the limit, compressed or decompressed."),
      415: status("Another content type or content encoding."),
    },
  };
}

const ingestKey = fieldsOf<IngestKeyView>()({ id: str(), name: str(), prefix: str("The key's first characters."), created_at: dateTime(), revoked_at: nullable(dateTime()) });

export const INGESTION_OPERATIONS: ApiOperation[] = [
  otlpReceiver("/v1/traces", "exportTraces", "Receive spans over OTLP/HTTP (the path OTel SDKs default to)"),
  otlpReceiver("/otlp/v1/traces", "exportTracesOtlpPrefix", "Receive spans over OTLP/HTTP (under /otlp)"),
  otherSignalReceiver("metrics", "exportMetrics"),
  otherSignalReceiver("logs", "exportLogs"),
  ZIPKIN_RECEIVER,
  {
    method: "get",
    path: `${WORKSPACE_PATH}/ingest-keys`,
    operationId: "listIngestKeys",
    summary: "The workspace's ingest keys",
    tag: "ingestion",
    access: "read",
    params: workspaceParamsSchema,
    responses: { 200: { description: "Newest first; never the keys themselves.", json: objectWith({ ingest_keys: arrayOf(ingestKey) }) } },
  },
  {
    method: "post",
    path: `${WORKSPACE_PATH}/ingest-keys`,
    operationId: "createIngestKey",
    summary: "Create an ingest key",
    description: "From then on every OTLP request needs a key. Revoking the last key does not reopen ingestion.",
    tag: "ingestion",
    access: "write",
    params: workspaceParamsSchema,
    body: createIngestKeySchema,
    responses: {
      201: {
        description: "The key, shown this once (only its hash is kept).",
        json: fieldsOf<Awaited<ReturnType<typeof createIngestKey>>>()({ key: str("Send as Authorization: Bearer <key>."), ingest_key: ingestKey }),
      },
    },
  },
  {
    method: "delete",
    path: `${WORKSPACE_PATH}/ingest-keys/{keyId}`,
    operationId: "revokeIngestKey",
    summary: "Revoke an ingest key",
    description: "Idempotent.",
    tag: "ingestion",
    access: "write",
    params: ingestKeyParamsSchema,
    responses: { 204: NO_CONTENT, 404: errorResponse("No such key in this workspace.") },
  },
];
