// POST|GET /api/v1/workspaces/:ws/executions and GET .../executions/:id/trace-validation: shapes.
import { z } from "zod";
import { expectedNodeSchema } from "../export/flowprint-test.schema";
import type { CreateExecution, ExecutionResponse } from "../store/execution-repository";
import { workspaceParamsSchema } from "./workspace.schemas";

export type { CreateExecution };

const responseSchema = z.object({ status: z.number().int().nullable(), ok: z.boolean(), error: z.string().max(2_000).optional() }).strict() satisfies z.ZodType<ExecutionResponse>;

export const createExecutionSchema = z
  .object({
    test_name: z.string().min(1).max(500),
    flow_id: z.string().uuid().nullable().optional(),
    trace_id: z
      .string()
      .regex(/^[0-9a-f]{32}$/, "must be 32 lowercase hexadecimal characters")
      .refine((v) => !/^0+$/.test(v), "must not be all zeros"),
    expected: z
      .object({
        nodes: z.array(expectedNodeSchema).max(10_000).default([]),
        trace_assert: z.array(z.string().min(1).max(10_000)).max(1_000).default([]),
        timeout_ms: z.number().int().positive().max(3_600_000).optional(),
        /** Requests that name their own nodes: each is checked against its part of the trace. */
        steps: z.array(z.object({ id: z.string().min(1).max(200), nodes: z.array(expectedNodeSchema).max(10_000) }).strict()).max(1_000).optional(),
      })
      .strict(),
    response: responseSchema.optional(),
  })
  .strict() satisfies z.ZodType<CreateExecution>;

export const executionParamsSchema = workspaceParamsSchema.extend({
  executionId: z.string().uuid("must be an execution id"),
});

export const executionsQuerySchema = z.object({
  flow_id: z.string().uuid().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

export const updateExecutionSchema = z
  .object({
    response: responseSchema,
  })
  .strict();
