// Seeded traces are completed at once instead of waiting out the workspace's idle window, so a
// spec sees its flows as soon as seeding returns.
import { apiFetch } from "./session";

export async function completeTraces(baseUrl: string, workspace: string, traceIds: readonly string[]): Promise<void> {
  for (const id of traceIds) {
    const response = await apiFetch(`${baseUrl}/api/v1/workspaces/${workspace}/telemetry/traces/${id}/complete`, { method: "POST" });
    if (!response.ok) throw new Error(`completing ${id} answered ${response.status}`);
  }
}
