// Response shapes more than one operation answers with, kept once under components.schemas.
// Hand-written (no zod schema builds them) and field-checked against the views' own types.
import { ROLES } from "../../auth/policy";
import type { ApiError } from "../errors";
import { telemetrySettingsSchema } from "../settings.schemas";
import type { executionView } from "../../store/execution-repository";
import type { DriftAlertView, VariantExplanationView } from "../../store/drift-queries";
import type { listFlows } from "../../store/flow-queries";
import type { SpanView } from "../../store/span-queries";
import type { TraceSummaryView } from "../../store/trace-queries";
import type { PathNode } from "../../traces/path-node";
import type { WebhookAttemptView, WebhookDeliveryView, WebhookView } from "../../webhooks/webhook-resource";
import type { auditView, memberView, tokenView } from "../../pipeline/auth/account-views";
import { TEST_EVENT, WEBHOOK_EVENTS, WEBHOOK_FORMATS } from "../../webhooks/webhook-event";
import { anyValue, arrayOf, bool, dateTime, fieldsOf, int, nullable, num, oneOfValues, openObject, responseSchema, str, type JsonSchema } from "./json-schema";

const errorFields = fieldsOf<Pick<ApiError, "code" | "message" | "issues">>();
const issueFields = fieldsOf<NonNullable<ApiError["issues"]>[number]>();

const NODE_TYPES = ["service", "api_endpoint", "database", "topic"] as const;

export const SHARED_SCHEMAS = {
  Error: fieldsOf<{ error: unknown }>()(
    {
      error: errorFields(
        {
          code: str("invalid_request, invalid_json, unauthenticated, forbidden, cross_site_request, not_found, conflict, internal_error, or a route's own (llm_not_configured, no_journey, ...)"),
          message: str("For people; an unknown server error is never echoed."),
        },
        { optional: { issues: arrayOf(issueFields({ path: str("The field, dotted (`expected.nodes.0.type`); empty for the whole body."), message: str() })) } },
      ),
    },
    { description: "Every error of /api/v1: 400 for invalid input (the field named in issues[].path), 404 for unknown resources." },
  ),
  TelemetrySettings: responseSchema(telemetrySettingsSchema),
  PathNode: fieldsOf<PathNode>()({ type: oneOfValues(NODE_TYPES), identifier: str('"GET /orders/:id", a database or topic name, or a service name.'), service: str() }),
  Span: fieldsOf<SpanView>()(
    {
      trace_id: str("32 lowercase hex digits."),
      span_id: str("16 lowercase hex digits."),
      parent_span_id: nullable(str()),
      service: str(),
      name: str(),
      kind: oneOfValues(["unspecified", "internal", "server", "client", "producer", "consumer"]),
      status: oneOfValues(["unset", "ok", "error"]),
      status_message: str(),
      start_time: dateTime(),
      start_time_unix_nano: str("Nanoseconds since the epoch, as decimal digits (beyond a JSON number's precision)."),
      end_time_unix_nano: str("Nanoseconds since the epoch, as decimal digits."),
      duration_ms: num(),
      attributes: openObject("Every value type kept; values plain JSON would blur are tagged: {\"$int\": \"<digits>\"}, {\"$double\": 2}, {\"$bytes\": \"<base64>\"}."),
      resource: nullable(openObject("attributes, dropped_attributes_count, schema_url")),
      scope: openObject("name, version, attributes"),
      events: arrayOf(openObject("time_ns, name, attributes, dropped_attributes_count")),
      links: arrayOf(openObject()),
      trace_state: str(),
      flags: int(),
      dropped_attributes_count: int(),
      dropped_events_count: int(),
      dropped_links_count: int(),
      is_test_generated: bool("A span of Flowprint's own test runner."),
      is_synthetic: bool("A health check or bot, skipped by flow discovery."),
    },
    { description: "A stored span as the API returns it (snake_case, nanoseconds as decimal strings)." },
  ),
  TraceSummary: fieldsOf<TraceSummaryView>()({
    trace_id: str(),
    root_service: nullable(str()),
    root_operation: nullable(str()),
    services: arrayOf(str()),
    span_count: int(),
    error_count: int(),
    start_time: dateTime(),
    duration_ms: num(),
    in_progress: bool("The root span has not arrived yet and spans may still come."),
  }),
  Flow: fieldsOf<Awaited<ReturnType<typeof listFlows>>["flows"][number]>()({
    id: str(),
    name: str("The entry point's name, plus what sets this variant apart when it has several."),
    variant_label: nullable(str()),
    fingerprint: str("Lowercase hex SHA-256 of the path."),
    entry_service: str(),
    entry_operation: str(),
    path: arrayOf({ $ref: "#/components/schemas/PathNode" }),
    occurrence_count: int(),
    avg_duration_ms: num(),
    p95_duration_ms: num(),
    error_rate: num("Share of traces with at least one error span, 0..1."),
    risk_score: num(),
    risk_level: oneOfValues(["low", "medium", "high"]),
    first_seen_at: dateTime(),
    last_seen_at: dateTime(),
    representative_trace_id: nullable(str()),
    drifted: bool("Its entry point has an open drift alert."),
  }),
  VariantExplanation: fieldsOf<VariantExplanationView>()({ text: str(), attribute: str(), value: str(), support: int(), of: int(), variant_fingerprint: str() }),
  DriftAlert: fieldsOf<DriftAlertView>()({
    id: str(),
    kind: oneOfValues(["new_variant", "variant_missing"]),
    state: oneOfValues(["open", "rare", "accepted", "dismissed"]),
    entry_service: str(),
    entry_operation: str(),
    previous_path: str(),
    current_path: str(),
    previous_nodes: arrayOf({ $ref: "#/components/schemas/PathNode" }),
    current_nodes: arrayOf({ $ref: "#/components/schemas/PathNode" }),
    diff: openObject("added, removed, moved, and aligned rows for a side-by-side view."),
    detected_at: dateTime(),
    occurrences: int(),
    traffic_share: num(),
    example_trace_ids: arrayOf(str()),
    flow_id: nullable(str()),
    explanation: nullable(str()),
  }),
  ApiToken: fieldsOf<ReturnType<typeof tokenView>>()(
    {
      id: str(),
      name: str(),
      prefix: str("The token's first characters, to tell tokens apart."),
      scope: oneOfValues(["read", "write"]),
      workspace_id: nullable(str()),
      created_at: nullable(dateTime()),
      expires_at: nullable(dateTime()),
      last_used_at: nullable(dateTime()),
      revoked_at: nullable(dateTime()),
    },
    { description: "Never the token itself: only its hash is kept." },
  ),
  Member: fieldsOf<ReturnType<typeof memberView>>()({
    user_id: str(),
    email: str(),
    name: str(),
    role: oneOfValues(ROLES),
    added_at: nullable(dateTime()),
  }),
  AuditEvent: fieldsOf<ReturnType<typeof auditView>>()({
    id: str(),
    at: nullable(dateTime()),
    actor: str("The email of the person, or the token, who acted."),
    action: str("user.sign_in, member.add, token.create, settings.update, drift.accept, ..."),
    workspace_id: nullable(str()),
    target: nullable(str()),
    details: anyValue(),
    ip_address: nullable(str()),
  }),
  Webhook: fieldsOf<WebhookView>()(
    { id: str(), name: str(), url: str(), format: oneOfValues(WEBHOOK_FORMATS), events: arrayOf(oneOfValues(WEBHOOK_EVENTS)), created_at: dateTime() },
    { description: "Never the signing secret." },
  ),
  WebhookDelivery: fieldsOf<WebhookDeliveryView>()({
    id: str(),
    event: oneOfValues([...WEBHOOK_EVENTS, TEST_EVENT]),
    state: oneOfValues(["pending", "delivered", "failed"]),
    attempts: int(),
    max_attempts: int(),
    next_attempt_at: nullable(dateTime()),
    last_status_code: nullable(int()),
    last_latency_ms: nullable(num()),
    last_error: nullable(str()),
    created_at: dateTime(),
    delivered_at: nullable(dateTime()),
    attempt_log: arrayOf(
      fieldsOf<WebhookAttemptView>()({ attempt: int(), started_at: dateTime(), status_code: nullable(int()), latency_ms: num(), error: nullable(str()) }),
      "Oldest first.",
    ),
  }),
  Execution: fieldsOf<ReturnType<typeof executionView>>()({
    id: str(),
    flow_id: nullable(str()),
    test_name: str(),
    trace_id: str(),
    status: str("running until the run's trace is validated, then passed, failed or inconclusive."),
    expected: anyValue(),
    response: anyValue("The trigger's response as the runner recorded it: {status, ok, error?}, or null."),
    started_at: dateTime(),
    deadline_at: dateTime(),
    validated_at: nullable(dateTime()),
  }),
} satisfies Record<string, JsonSchema>;

export type SharedSchemaName = keyof typeof SHARED_SCHEMAS;

export const ref = (name: SharedSchemaName): JsonSchema => ({ $ref: `#/components/schemas/${name}` });
