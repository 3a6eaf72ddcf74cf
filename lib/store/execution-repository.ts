// Test executions: registered by the runner, validated when their trace completes.
import { randomUUID } from "node:crypto";
import type { ExpectedNode } from "../export/flowprint-test.schema";
import type { TraceValidation } from "../validation/validate-trace";
import type { Store } from "./db";
import { ensureWorkspace } from "./workspace-repository";

/** What the runner saw of the system's answer to the test's request. */
export interface ExecutionResponse {
  status: number | null;
  ok: boolean;
  error?: string;
}

/** A test run as the runner registers it (POST .../executions). */
export interface CreateExecution {
  test_name: string;
  flow_id?: string | null;
  trace_id: string;
  /** Stored as given, with the workspace's default timeout when the run names none. */
  expected: {
    nodes: ExpectedNode[];
    trace_assert: string[];
    timeout_ms?: number;
    steps?: { id: string; nodes: ExpectedNode[] }[];
  };
  response?: ExecutionResponse;
}

export type ExecutionRow = NonNullable<Awaited<ReturnType<Store["prisma"]["execution"]["findFirst"]>>>;

export function executionView(row: ExecutionRow) {
  return {
    id: row.id,
    flow_id: row.flowId,
    test_name: row.testName,
    trace_id: row.traceId,
    status: row.status,
    expected: row.expected,
    response: row.response,
    started_at: new Date(Number(row.startedAtMs)).toISOString(),
    deadline_at: new Date(Number(row.deadlineMs)).toISOString(),
    validated_at: row.validatedAtMs === null ? null : new Date(Number(row.validatedAtMs)).toISOString(),
  };
}

export async function createExecution(store: Store, workspaceId: string, input: CreateExecution, nowMs = Date.now()): Promise<ExecutionRow> {
  await ensureWorkspace(store, workspaceId);
  const workspace = await store.prisma.workspace.findUniqueOrThrow({ where: { id: workspaceId }, select: { defaultTimeoutMs: true } });
  const timeoutMs = input.expected.timeout_ms ?? workspace.defaultTimeoutMs;
  // A flow of another workspace is not this test's flow.
  const flow = input.flow_id ? await store.prisma.flow.findFirst({ where: { id: input.flow_id, workspaceId }, select: { id: true } }) : null;
  return store.prisma.execution.create({
    data: {
      id: randomUUID(),
      workspaceId,
      flowId: flow?.id ?? null,
      testName: input.test_name,
      traceId: input.trace_id,
      expected: { ...input.expected, timeout_ms: timeoutMs } as never,
      status: "running",
      response: (input.response ?? undefined) as never,
      startedAtMs: BigInt(nowMs),
      deadlineMs: BigInt(nowMs + timeoutMs),
    },
  });
}

export function getExecution(store: Store, workspaceId: string, executionId: string) {
  return store.prisma.execution.findFirst({ where: { id: executionId, workspaceId } });
}

export async function recordResponse(store: Store, workspaceId: string, executionId: string, response: ExecutionResponse) {
  const updated = await store.prisma.execution.updateMany({ where: { id: executionId, workspaceId }, data: { response: response as never } });
  return updated.count > 0;
}

export async function listExecutions(store: Store, workspaceId: string, filter: { flowId?: string; limit: number; offset: number }) {
  const where = { workspaceId, ...(filter.flowId ? { flowId: filter.flowId } : {}) };
  const [rows, total] = await Promise.all([
    store.prisma.execution.findMany({ where, orderBy: [{ startedAtMs: "desc" }, { id: "asc" }], take: filter.limit, skip: filter.offset }),
    store.prisma.execution.count({ where }),
  ]);
  return { executions: rows.map(executionView), total };
}

/** Stores a final result once: the first validation of a run wins. Returns whether this one did. */
export async function saveValidation(store: Store, executionId: string, result: TraceValidation, nowMs = Date.now()): Promise<boolean> {
  const saved = await store.prisma.execution.updateMany({
    where: { id: executionId, status: "running" },
    data: { status: result.status, result: result as never, validatedAtMs: BigInt(nowMs) },
  });
  return saved.count > 0;
}

/** Running executions of traces that just completed (auto_validation on). */
export function runningExecutionsOfTraces(store: Store, refs: { workspaceId: string; traceId: string }[]) {
  if (refs.length === 0) return Promise.resolve([]);
  return store.prisma.execution.findMany({
    where: { status: "running", OR: refs.map((r) => ({ workspaceId: r.workspaceId, traceId: r.traceId })) },
  });
}
