// What the LLM page and eval export read: calls from the index (lib/store/llm-call-rows.ts) for
// statistics, and the spans themselves when prompt and completion text is needed.
import { extractLlmCall } from "../genai/extract-llm-call";
import type { LlmCall } from "../genai/llm-call";
import type { Span, SpanKindNumber } from "../otlp/span";
import type { Store } from "./db";
import { driverQuery } from "./driver-sql";
import { readStoredEvents } from "./flow-repository";
import { sqlDialect } from "./sql-dialect";

const STATUS: Record<number, Span["status"]> = { 0: "unset", 1: "ok", 2: "error" };

export interface LlmCallFilter {
  model?: string;
  fromMs?: number;
  toMs?: number;
  flowId?: string;
  /** Only calls that recorded prompt or completion text. */
  withContent?: boolean;
}

type CallRow = Awaited<ReturnType<Store["prisma"]["llmCall"]["findMany"]>>[number];

/** An indexed call without its text (the index holds none). */
export function indexedCall(row: CallRow): LlmCall {
  return {
    traceId: row.traceId,
    spanId: row.spanId,
    service: row.service,
    name: row.name,
    operation: row.operation,
    model: row.model,
    provider: row.provider,
    startMs: Number(row.startMs),
    durationMs: row.durationMs,
    isError: row.isError,
    errorType: row.errorType,
    inputTokens: row.inputTokens,
    outputTokens: row.outputTokens,
    input: [],
    output: [],
    convention: (row.convention ?? null) as LlmCall["convention"],
  };
}

async function whereOf(store: Store, workspaceId: string, filter: LlmCallFilter) {
  let traceIds: string[] | undefined;
  if (filter.flowId) {
    const links = await store.prisma.traceFlow.findMany({ where: { workspaceId, flowId: filter.flowId }, select: { traceId: true } });
    traceIds = links.map((l) => l.traceId);
  }
  return {
    workspaceId,
    ...(filter.model !== undefined ? { model: filter.model } : {}),
    ...(filter.fromMs !== undefined || filter.toMs !== undefined
      ? { startMs: { ...(filter.fromMs !== undefined ? { gte: BigInt(Math.floor(filter.fromMs)) } : {}), ...(filter.toMs !== undefined ? { lt: BigInt(Math.ceil(filter.toMs)) } : {}) } }
      : {}),
    ...(filter.withContent ? { convention: { not: null } } : {}),
    ...(traceIds !== undefined ? { traceId: { in: traceIds } } : {}),
  };
}

/** Indexed calls matching `filter`, newest first. */
export async function listLlmCalls(store: Store, workspaceId: string, filter: LlmCallFilter, page: { limit: number; offset: number } = { limit: 100_000, offset: 0 }): Promise<{ calls: LlmCall[]; total: number }> {
  const where = await whereOf(store, workspaceId, filter);
  const [rows, total] = await Promise.all([
    store.prisma.llmCall.findMany({ where, orderBy: [{ startMs: "desc" }, { spanId: "asc" }], take: page.limit, skip: page.offset }),
    store.prisma.llmCall.count({ where }),
  ]);
  return { calls: rows.map(indexedCall), total };
}

/**
 * Calls for statistics: only the columns a usage summary reads, no count, and straight on the
 * driver. A day of a busy workspace is a hundred thousand rows, and Prisma's row mapping took
 * half of the page's time (`bench/llm-usage-bench.ts`).
 */
export async function llmCallsForUsage(store: Store, workspaceId: string, filter: { model?: string; fromMs: number; toMs: number; flowId?: string }): Promise<LlmCall[]> {
  const d = sqlDialect(store.dialect);
  const args: unknown[] = [workspaceId, BigInt(Math.floor(filter.fromMs)), BigInt(Math.ceil(filter.toMs))];
  let sql =
    "SELECT trace_id, span_id, service, name, model, provider, start_ms, duration_ms, is_error, error_type, input_tokens, output_tokens FROM llm_calls " +
    `WHERE workspace_id = ${d.param(1)} AND start_ms >= ${d.param(2, "bigint")} AND start_ms < ${d.param(3, "bigint")}`;
  if (filter.model !== undefined) {
    args.push(filter.model);
    sql += ` AND model = ${d.param(args.length)}`;
  }
  if (filter.flowId !== undefined) {
    // SQLite's placeholders are positional: the workspace is passed again.
    args.push(workspaceId, filter.flowId);
    sql += ` AND trace_id IN (SELECT trace_id FROM trace_flows WHERE workspace_id = ${d.param(args.length - 1)} AND flow_id = ${d.param(args.length)})`;
  }
  const rows = await driverQuery(await store.driver(), sql, args);
  return rows.map(([traceId, spanId, service, name, model, provider, startMs, durationMs, isError, errorType, inputTokens, outputTokens]) => ({
    traceId: traceId as string,
    spanId: spanId as string,
    service: service as string,
    name: name as string,
    operation: "",
    model: model as string,
    provider: provider as string,
    startMs: Number(startMs),
    durationMs: Number(durationMs),
    // SQLite answers 0/1, PostgreSQL a boolean.
    isError: isError === true || isError === 1 || isError === "1" || isError === "t",
    errorType: errorType as string,
    inputTokens: inputTokens === null ? null : Number(inputTokens),
    outputTokens: outputTokens === null ? null : Number(outputTokens),
    input: [],
    output: [],
    convention: null,
  }));
}

/** The start of the oldest and the newest call since `sinceMs`, epoch ms; null without calls. */
export async function llmCallExtent(store: Store, workspaceId: string, sinceMs: number): Promise<{ firstMs: number; lastMs: number } | null> {
  const found = await store.prisma.llmCall.aggregate({ where: { workspaceId, startMs: { gte: BigInt(Math.floor(sinceMs)) } }, _min: { startMs: true }, _max: { startMs: true } });
  const { startMs: first } = found._min;
  const { startMs: last } = found._max;
  return first === null || last === null ? null : { firstMs: Number(first), lastMs: Number(last) };
}

/** Distinct models of the workspace's calls, most calls first. */
export async function listLlmModels(store: Store, workspaceId: string): Promise<{ model: string; calls: number }[]> {
  const groups = await store.prisma.llmCall.groupBy({ by: ["model"], where: { workspaceId }, _count: { _all: true } });
  return groups.map((g) => ({ model: g.model, calls: g._count._all })).sort((a, b) => b.calls - a.calls || a.model.localeCompare(b.model));
}

type SpanRecord = Awaited<ReturnType<Store["prisma"]["span"]["findMany"]>>[number];

function toSpan(row: SpanRecord): Span {
  return {
    workspaceId: row.workspaceId,
    traceId: row.traceId,
    spanId: row.spanId,
    parentSpanId: row.parentSpanId,
    traceState: row.traceState,
    flags: row.flags,
    service: row.service,
    name: row.name,
    kind: row.kind as SpanKindNumber,
    status: STATUS[row.statusCode] ?? "unset",
    statusMessage: row.statusMessage,
    startNs: row.startNs,
    endNs: row.endNs,
    attributes: (row.attributes ?? {}) as Span["attributes"],
    droppedAttributesCount: row.droppedAttributesCount,
    events: readStoredEvents(row.events),
    droppedEventsCount: row.droppedEventsCount,
    links: [],
    droppedLinksCount: row.droppedLinksCount,
    resource: { attributes: {}, droppedAttributesCount: 0, schemaUrl: "" },
    scope: { name: row.scopeName, version: row.scopeVersion, attributes: {}, droppedAttributesCount: 0, schemaUrl: "" },
    isTestGenerated: row.isTestGenerated,
    isSynthetic: row.isSynthetic,
  };
}

/** The LLM calls of `traceIds` with their text, in start order; test runs' spans left out. */
export async function tracesLlmCalls(store: Store, workspaceId: string, traceIds: readonly string[], options: { includeTestRuns?: boolean } = {}): Promise<LlmCall[]> {
  const rows = await store.prisma.span.findMany({ where: { workspaceId, traceId: { in: [...traceIds] }, ...(options.includeTestRuns ? {} : { isTestGenerated: false }) } });
  return rows
    .map((row) => extractLlmCall(toSpan(row)))
    .filter((call): call is LlmCall => call !== null)
    .sort((a, b) => a.startMs - b.startMs || a.spanId.localeCompare(b.spanId));
}

/** Every LLM call of one trace with its text, in start order; null when the trace is unknown. */
export async function traceLlmCalls(store: Store, workspaceId: string, traceId: string): Promise<LlmCall[] | null> {
  if ((await store.prisma.span.count({ where: { workspaceId, traceId } })) === 0) return null;
  return tracesLlmCalls(store, workspaceId, [traceId], { includeTestRuns: true });
}

/** The calls `refs` name, with their text read from their spans (spans retention deleted are skipped). */
export async function llmCallsWithText(store: Store, workspaceId: string, refs: readonly { traceId: string; spanId: string }[]): Promise<LlmCall[]> {
  const out: LlmCall[] = [];
  // Bounded chunks: one OR per span would exceed SQLite's expression depth for large selections.
  for (let i = 0; i < refs.length; i += 200) {
    const chunk = refs.slice(i, i + 200);
    const rows = await store.prisma.span.findMany({ where: { workspaceId, OR: chunk.map((r) => ({ traceId: r.traceId, spanId: r.spanId })) } });
    for (const row of rows) {
      const call = extractLlmCall(toSpan(row));
      if (call) out.push(call);
    }
  }
  return out.sort((a, b) => a.startMs - b.startMs || a.spanId.localeCompare(b.spanId));
}

/** Most calls an eval selection reads text for: the newest of a larger selection. */
export const MAX_SELECTED_CALLS = 20_000;

/** Indexed calls that recorded content and match `filter`, with their text. */
export async function selectLlmCallsWithText(store: Store, workspaceId: string, filter: Omit<LlmCallFilter, "withContent">): Promise<LlmCall[]> {
  const { calls } = await listLlmCalls(store, workspaceId, { ...filter, withContent: true }, { limit: MAX_SELECTED_CALLS, offset: 0 });
  return llmCallsWithText(store, workspaceId, calls);
}

/** A workspace's LLM settings as the usage summary takes them. */
export async function llmUsageSettings(store: Store, workspaceId: string): Promise<{ prices: Record<string, { input_per_million: number; output_per_million: number }>; thresholds: { error_rate?: number; latency_p95_ms?: number; cost_per_hour_usd?: number } }> {
  const row = await store.prisma.workspace.findUnique({
    where: { id: workspaceId },
    select: { llmPrices: true, llmAlertErrorRate: true, llmAlertLatencyP95Ms: true, llmAlertCostPerHourUsd: true },
  });
  const thresholds: { error_rate?: number; latency_p95_ms?: number; cost_per_hour_usd?: number } = {};
  if (row?.llmAlertErrorRate != null) thresholds.error_rate = row.llmAlertErrorRate;
  if (row?.llmAlertLatencyP95Ms != null) thresholds.latency_p95_ms = row.llmAlertLatencyP95Ms;
  if (row?.llmAlertCostPerHourUsd != null) thresholds.cost_per_hour_usd = row.llmAlertCostPerHourUsd;
  return { prices: (row?.llmPrices ?? {}) as Record<string, { input_per_million: number; output_per_million: number }>, thresholds };
}
