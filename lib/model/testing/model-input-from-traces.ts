// Test and benchmark helper: traces → the flows discovery would make of them (one per entry
// point and fingerprint, with node statistics and sampled trace ids) → the model's input.
import { discoverTrace } from "../../flows/discover-trace";
import { addTraceToNodeStats, emptyNodeStats } from "../../flows/node-stats";
import type { TraceSpan } from "../../traces/trace-span";
import type { ModelFlow, ModelInput } from "../build-system-model";

export function modelInputFromTraces(traces: readonly (readonly TraceSpan[])[], generatedAtMs = 0): ModelInput {
  const flows = new Map<string, ModelFlow & { traceIds: string[] }>();
  const byId = new Map<string, readonly TraceSpan[]>();
  for (const spans of traces) {
    const outcome = discoverTrace(spans.map((s) => ({ ...s, isTestGenerated: false, isSynthetic: false })));
    if (outcome.kind !== "discovered") continue;
    const d = outcome.discovery;
    const key = `${d.entry.service}\n${d.entry.operation}\n${d.fingerprint}`;
    let flow = flows.get(key);
    if (!flow) {
      flow = { id: `flow-${flows.size + 1}`, name: d.flowName, entryService: d.entry.service, entryOperation: d.entry.operation, path: d.path, nodeStats: emptyNodeStats(), traceIds: [] };
      flows.set(key, flow);
    }
    flow.nodeStats = addTraceToNodeStats(flow.nodeStats, d.nodes);
    flow.traceIds.push(d.representative.traceId);
    byId.set(d.representative.traceId, spans);
  }
  return { flows: [...flows.values()], traces: byId, generatedAtMs };
}
