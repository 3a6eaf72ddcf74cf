// The runner's side of the executions API: register a run, record its trigger's response, ask
// for the verdict on its trace.
import type { ExpectedNode } from "../export/flowprint-test.schema";
import { authorizationHeader, tokenHint } from "./api-token";
import { describeFetchError } from "./describe-fetch-error";
import type { TraceVerdict } from "./test-run";

/** Flowprint could not be reached or refused the call: the run cannot be judged. */
export class FlowprintUnavailable extends Error {}

export interface NewExecution {
  test_name: string;
  flow_id?: string;
  trace_id: string;
  expected: { nodes: ExpectedNode[]; trace_assert: string[]; timeout_ms?: number; steps?: { id: string; nodes: ExpectedNode[] }[] };
}

export interface Execution {
  id: string;
  trace_id: string;
  started_at: string;
  deadline_at: string;
}

export interface TriggerResponse {
  status: number | null;
  ok: boolean;
  error?: string;
}

export type ValidationAnswer = { status: "running"; waiting_for: string } | TraceVerdict;

export interface FlowprintApi {
  createExecution(execution: NewExecution): Promise<Execution>;
  recordResponse(executionId: string, response: TriggerResponse): Promise<void>;
  traceValidation(executionId: string): Promise<ValidationAnswer>;
}

// The API answers from its database; longer than this is an outage, not a slow query.
const CALL_TIMEOUT_MS = 15_000;

export function flowprintApi(server: string, workspace: string, fetchImpl: typeof fetch = fetch, apiToken: string | null = null): FlowprintApi {
  const base = `${server}/api/v1/workspaces/${encodeURIComponent(workspace)}/executions`;

  async function call<T>(method: string, url: string, body?: unknown): Promise<T> {
    let response: Response;
    try {
      response = await fetchImpl(url, {
        method,
        headers: { ...authorizationHeader(apiToken), ...(body === undefined ? {} : { "content-type": "application/json" }) },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(CALL_TIMEOUT_MS),
      });
    } catch (error) {
      throw new FlowprintUnavailable(`Flowprint at ${server} could not be reached: ${describeFetchError(error)}`);
    }
    const text = await response.text().catch(() => "");
    if (!response.ok) {
      let detail = text.slice(0, 500);
      try {
        detail = (JSON.parse(text) as { error?: { message?: string } }).error?.message ?? detail;
      } catch {
        // not the API's JSON error: the text says more than nothing
      }
      throw new FlowprintUnavailable(`Flowprint answered ${response.status} to ${method} ${new URL(url).pathname}${detail ? `: ${detail}` : ""}${tokenHint(response.status, apiToken)}`);
    }
    try {
      return JSON.parse(text) as T;
    } catch {
      throw new FlowprintUnavailable(`Flowprint answered ${method} ${new URL(url).pathname} with something other than JSON`);
    }
  }

  return {
    createExecution: (execution) => call<Execution>("POST", base, execution),
    recordResponse: async (executionId, response) => {
      await call("PATCH", `${base}/${executionId}`, { response });
    },
    traceValidation: (executionId) => call<ValidationAnswer>("GET", `${base}/${executionId}/trace-validation`),
  };
}
