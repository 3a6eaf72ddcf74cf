// The Flowprint test file: the one definition behind validation on load, the published JSON
// Schema (GET /schemas/flowprint-test.json) and the exporter's output type.
import { z } from "zod";

const templated = z.string().min(1);

export const expectedNodeSchema = z
  .object({
    type: z.enum(["service", "api_endpoint", "database", "topic"]),
    identifier: z.string().min(1),
    service: z.string().optional(),
    /** The node's P95 in the flow when it was exported. */
    p95_ms: z.number().nonnegative().optional(),
    /** A span of this node slower than this is slow (1.5 × P95 by default). */
    max_duration_ms: z.number().positive().optional(),
  })
  .strict();

export const requestSchema = z
  .object({
    /** Names the step so later steps can use its response: `{{create_order.body.id}}`. */
    id: z.string().regex(/^[a-z][a-z0-9_]*$/, "must be lower_snake_case, starting with a letter"),
    name: z.string().optional(),
    method: z.enum(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]),
    /** `{{base_url}}/orders/{{order_id}}`: variables in double braces. */
    url: templated,
    headers: z.record(z.string(), z.string()).optional(),
    /** JSON (sent as application/json) or text. */
    body: z.unknown().optional(),
    expect: z
      .object({
        status: z.number().int().min(100).max(599).optional(),
        /** The nodes this request's own part of the trace must have, in order (checked per step). */
        nodes: z.array(expectedNodeSchema).optional(),
      })
      .strict()
      .optional(),
  })
  .strict();

export const flowprintTestSchema = z
  .object({
    version: z.literal(1),
    name: z.string().min(1),
    description: z.string().optional(),
    discovered_from: z
      .object({
        flow_id: z.string().optional(),
        fingerprint: z.string().regex(/^[0-9a-f]{64}$/, "must be a lowercase hex SHA-256"),
        sample_trace_id: z.string().regex(/^[0-9a-f]{32}$/, "must be 32 lowercase hex characters").nullable(),
        occurrence_count: z.number().int().nonnegative(),
      })
      .strict()
      .optional(),
    /** Values for `{{name}}`; `base_url` is overridden by `--base-url`. */
    variables: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).default({}),
    /**
     * Requests sent before the trigger, in a trace of their own, to create the state it needs
     * (an order to read); later requests use their responses: `{{setup_create_order.body.id}}`.
     */
    setup: z.array(requestSchema).default([]),
    /** The request that starts the flow; its trace is the one validated. */
    trigger: requestSchema,
    /** Requests sent after the trigger, in order, in the same trace. */
    steps: z.array(requestSchema).default([]),
    expect_trace: z
      .object({
        /** How long to wait for the trace; the workspace's default_timeout_ms when absent. */
        timeout_ms: z.number().int().positive().optional(),
        /** Expected path nodes in order. */
        nodes: z.array(expectedNodeSchema).default([]),
        /** Expressions over the trace that must all be true (see README: trace_assert). */
        trace_assert: z.array(z.string().min(1)).default([]),
      })
      .strict()
      .default({ nodes: [], trace_assert: [] }),
  })
  .strict();

export type FlowprintTest = z.infer<typeof flowprintTestSchema>;
export type FlowprintRequest = z.infer<typeof requestSchema>;
export type ExpectedNode = z.infer<typeof expectedNodeSchema>;

export const FLOWPRINT_TEST_SCHEMA_ID = "/schemas/flowprint-test.json";

/** The published JSON Schema, generated from the same definition that validates files. */
export function flowprintTestJsonSchema(): Record<string, unknown> {
  return {
    ...(z.toJSONSchema(flowprintTestSchema, { io: "input" }) as Record<string, unknown>),
    $id: FLOWPRINT_TEST_SCHEMA_ID,
    title: "Flowprint test",
  };
}
