import { workspaceApi } from "@/lib/api/query-keys";
import type { FlowDetail } from "./flow-types";

/** One flow, or null when the workspace has no such flow (or the id cannot be one). */
export async function fetchFlow(workspaceId: string, flowId: string): Promise<FlowDetail | null> {
  const response = await fetch(workspaceApi(workspaceId, `/telemetry/flows/${encodeURIComponent(flowId)}`));
  if (response.status === 404 || response.status === 400) return null;
  const body = await response.json().catch(() => null);
  if (!response.ok) throw new Error(body?.error?.message ?? `Request failed with status ${response.status}`);
  return body as FlowDetail;
}
