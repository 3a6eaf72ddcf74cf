// The one react-query key factory: every cached resource is named here. Keys nest under the
// workspace so one invalidation refreshes everything a workspace shows.
type Filter = Record<string, string | number | boolean | undefined>;

export const queryKeys = {
  session: () => ["session"] as const,
  workspaces: () => ["workspaces"] as const,
  workspace: (workspaceId: string) => ["workspaces", workspaceId] as const,
  traces: (workspaceId: string, filter: Filter = {}) => ["workspaces", workspaceId, "traces", filter] as const,
  /** Trace search's choices: every service of any span, and one service's operations. */
  searchServices: (workspaceId: string) => ["workspaces", workspaceId, "search-services"] as const,
  serviceOperations: (workspaceId: string, service: string) => ["workspaces", workspaceId, "search-services", service, "operations"] as const,
  trace: (workspaceId: string, traceId: string) => ["workspaces", workspaceId, "trace", traceId] as const,
  traceCompare: (workspaceId: string, a: string, b = "") => ["workspaces", workspaceId, "trace-compare", a, b] as const,
  traceLlmCalls: (workspaceId: string, traceId: string) => ["workspaces", workspaceId, "trace", traceId, "llm-calls"] as const,
  spans: (workspaceId: string, filter: Filter = {}) => ["workspaces", workspaceId, "spans", filter] as const,
  flows: (workspaceId: string, filter: Filter = {}) => ["workspaces", workspaceId, "flows", filter] as const,
  flow: (workspaceId: string, flowId: string) => ["workspaces", workspaceId, "flow", flowId] as const,
  flowExport: (workspaceId: string, flowId: string, format: string, setup = "auto") => ["workspaces", workspaceId, "flow", flowId, "export", format, setup] as const,
  diagnosis: (workspaceId: string, filter: Filter) => ["workspaces", workspaceId, "diagnosis", filter] as const,
  flowExecutions: (workspaceId: string, flowId: string) => ["workspaces", workspaceId, "flow", flowId, "executions"] as const,
  graph: (workspaceId: string, view: "service" | "endpoint" = "service") => ["workspaces", workspaceId, "graph", view] as const,
  /** No window: the workspace's coverage_window_days. */
  coverage: (workspaceId: string, windowDays: number | null = null) => ["workspaces", workspaceId, "coverage", windowDays] as const,
  llmExtent: (workspaceId: string) => ["workspaces", workspaceId, "llm", "extent"] as const,
  llmUsage: (workspaceId: string, filter: Filter = {}) => ["workspaces", workspaceId, "llm", "usage", filter] as const,
  llmCalls: (workspaceId: string, filter: Filter = {}) => ["workspaces", workspaceId, "llm", "calls", filter] as const,
  model: (workspaceId: string) => ["workspaces", workspaceId, "model"] as const,
  modelEndpoint: (workspaceId: string, endpointId: string) => ["workspaces", workspaceId, "model", "endpoint", endpointId] as const,
  modelEntity: (workspaceId: string, entityName: string) => ["workspaces", workspaceId, "model", "entity", entityName] as const,
  drift: (workspaceId: string, filter: Filter = {}) => ["workspaces", workspaceId, "drift", filter] as const,
  driftLearning: (workspaceId: string) => ["workspaces", workspaceId, "drift-learning"] as const,
  driftAlert: (workspaceId: string, alertId: string) => ["workspaces", workspaceId, "drift-alert", alertId] as const,
  settings: (workspaceId: string) => ["workspaces", workspaceId, "settings"] as const,
  ingestKeys: (workspaceId: string) => ["workspaces", workspaceId, "ingest-keys"] as const,
  webhooks: (workspaceId: string) => ["workspaces", workspaceId, "webhooks"] as const,
  webhookDeliveries: (workspaceId: string, webhookId: string) => ["workspaces", workspaceId, "webhooks", webhookId, "deliveries"] as const,
};

/** The API base of a workspace, for fetchJson. */
export function workspaceApi(workspaceId: string, path: string): string {
  return `/api/v1/workspaces/${encodeURIComponent(workspaceId)}${path}`;
}
