// The trace-validation resource: an execution's validation as the API returns it.
import type { ExecutionRow } from "../store/execution-repository";
import type { ExecutionValidation } from "../pipeline/validate-execution";

export function traceValidationView(execution: ExecutionRow, validation: ExecutionValidation) {
  if (!validation.done) {
    return { execution_id: execution.id, trace_id: execution.traceId, status: "running" as const, waiting_for: validation.waitingFor };
  }
  // Results stored before runs were diagnosed have no diagnosis: null, as for a run with nothing to explain.
  return { execution_id: execution.id, trace_id: execution.traceId, ...validation.result, diagnosis: validation.result.diagnosis ?? null };
}
