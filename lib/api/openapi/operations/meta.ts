// Health, the JSON Schemas of Flowprint's file formats, and this document: public, no data.
import { arrayOf, int, objectWith, oneOfValues, openObject, str } from "../json-schema";
import type { ApiOperation } from "../operation";

const CACHED = { "cache-control": { description: "public, max-age=3600", schema: str() } };

export const META_OPERATIONS: ApiOperation[] = [
  {
    method: "get",
    path: "/api/health",
    operationId: "getHealth",
    summary: "Liveness and database reachability",
    tag: "meta",
    access: "public",
    responses: {
      200: {
        description: "The database answers.",
        json: objectWith({
          status: oneOfValues(["ok"]),
          store: oneOfValues(["sqlite", "postgresql"]),
          instance: str("This server process's id, which its trace claims carry."),
          ingest_backlog_spans: int("Spans waiting for the database."),
        }),
      },
      503: { description: "The database does not answer.", json: objectWith({ status: oneOfValues(["unavailable"]), store: oneOfValues(["sqlite", "postgresql"]) }) },
    },
  },
  {
    method: "get",
    path: "/api/health/live",
    operationId: "getLiveness",
    summary: "Liveness probe: the process answers",
    tag: "meta",
    access: "public",
    responses: { 200: { description: "The process is up.", json: objectWith({ status: oneOfValues(["ok"]) }) } },
  },
  {
    method: "get",
    path: "/api/health/ready",
    operationId: "getReadiness",
    summary: "Readiness probe: the database answers and every migration is applied",
    tag: "meta",
    access: "public",
    responses: {
      200: { description: "Ready to serve.", json: objectWith({ status: oneOfValues(["ok"]), database: str(), migrations: str() }) },
      503: { description: "Not ready: the check that failed says why.", json: objectWith({ status: oneOfValues(["unavailable"]), database: str(), migrations: str() }) },
    },
  },
  {
    method: "get",
    path: "/metrics",
    operationId: "getMetrics",
    summary: "Prometheus metrics of this instance",
    description: "Spans received, accepted and rejected by reason, request latency by route pattern and status, ingest backlog, discovery lag and rounds, database latency, webhook deliveries, process metrics.",
    tag: "meta",
    access: "public",
    responses: { 200: { description: "Prometheus text exposition format.", content: { "text/plain; version=0.0.4; charset=utf-8": { schema: str() } } } },
  },
  {
    method: "get",
    path: "/schemas/flowprint-test.json",
    operationId: "getFlowprintTestJsonSchema",
    summary: "The JSON Schema of Flowprint test files",
    tag: "meta",
    access: "public",
    responses: { 200: { description: "A JSON Schema 2020-12 document.", json: openObject(), headers: CACHED } },
  },
  {
    method: "get",
    path: "/schemas/flowprint-eval-dataset.json",
    operationId: "getEvalDatasetJsonSchema",
    summary: "The JSON Schema of eval datasets",
    description: "`flowprint eval run` validates against the same definition.",
    tag: "meta",
    access: "public",
    responses: { 200: { description: "A JSON Schema 2020-12 document.", json: openObject(), headers: CACHED } },
  },
  {
    method: "get",
    path: "/api/openapi.json",
    operationId: "getOpenApiDocument",
    summary: "This document: Flowprint's REST API as OpenAPI 3.1",
    tag: "meta",
    access: "public",
    responses: {
      200: {
        description: "The OpenAPI 3.1 document, its server relative (`/`) so it is right behind any host.",
        json: objectWith({ openapi: str(), info: openObject(), paths: openObject(), components: openObject(), tags: arrayOf(openObject()) }),
        headers: CACHED,
      },
    },
  },
];
