// The one react-query key factory: every cached resource is named here.
export const queryKeys = {
  traces: (workspaceId: string, filter: Record<string, string | undefined> = {}) => ["workspaces", workspaceId, "traces", filter] as const,
  spans: (workspaceId: string, filter: Record<string, string | undefined> = {}) => ["workspaces", workspaceId, "spans", filter] as const,
};
