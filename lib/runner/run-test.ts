// One test, start to verdict: check its placeholders, open the run's trace, register the run,
// send the trigger and the steps inside that trace, then let Flowprint judge the trace.
import type { FlowprintRequest, FlowprintTest } from "../export/flowprint-test.schema";
import { awaitVerdict, type PollClock } from "./await-verdict";
import { checkReferences } from "./check-references";
import { combineOutcome } from "./combine-outcome";
import { FlowprintUnavailable, type Execution, type FlowprintApi } from "./flowprint-api";
import { renderRequest } from "./render-request";
import type { RecordedResponse } from "./render-template";
import { resolveVariables } from "./resolve-variables";
import type { RunTracer } from "./run-tracer";
import { sendRequest } from "./send-request";
import type { TestRun, TraceVerdict } from "./test-run";

/** Bounds each request when neither the file nor --timeout-ms says how long a run may take. */
export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;
// The server refuses longer names; the full name stays in the report.
const MAX_TEST_NAME = 500;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface RunSettings {
  baseUrl: string | null;
  vars: Record<string, string>;
  timeoutMs: number | null;
}

export interface RunDependencies {
  api: FlowprintApi;
  tracer: RunTracer;
  /** How requests reach the system under test. */
  fetchSystem?: typeof fetch;
  clock?: PollClock;
}

type Role = "setup" | "trigger" | "step";
const label = (request: FlowprintRequest, role: Role) => `${role} ${request.id}`;

interface Sent {
  requestFailures: string[];
  runnerProblems: string[];
  /** The system could not be reached: its trace cannot tell more than that. */
  unreachable: boolean;
}

async function sendAll(
  requests: readonly FlowprintRequest[],
  roleOf: (index: number) => Role,
  variables: Record<string, string | number | boolean>,
  responses: Map<string, RecordedResponse>,
  headers: (request: FlowprintRequest) => Record<string, string>,
  execution: Execution | null,
  timeoutMs: number,
  deps: RunDependencies,
): Promise<Sent> {
  const sent: Sent = { requestFailures: [], runnerProblems: [], unreachable: false };
  for (const [index, request] of requests.entries()) {
    const rendered = renderRequest(request, { variables, responses });
    if (!rendered.ok) {
      // Only a response value can be missing here (names were checked up front): the system
      // answered something other than what the flow relies on.
      sent.requestFailures.push(`${label(request, roleOf(index))}: ${rendered.message}`);
      break;
    }
    const result = await sendRequest(rendered.value, headers(request), timeoutMs, deps.fetchSystem);
    const expected = request.expect?.status;
    if (execution && roleOf(index) === "trigger") {
      const status = result.ok ? result.response.status : null;
      const ok = status !== null && (expected === undefined ? status < 400 : status === expected);
      await deps.api.recordResponse(execution.id, { status, ok, ...(result.ok ? {} : { error: result.error.slice(0, 2_000) }) }).catch((error: unknown) => {
        if (!(error instanceof FlowprintUnavailable)) throw error;
        sent.runnerProblems.push(`the trigger's response could not be recorded: ${error.message}`);
      });
    }
    if (!result.ok) {
      sent.requestFailures.push(`${label(request, roleOf(index))}: ${result.error}`);
      sent.unreachable = true;
      break;
    }
    responses.set(request.id, result.response);
    if (expected !== undefined && result.response.status !== expected) {
      sent.requestFailures.push(`${label(request, roleOf(index))}: expected status ${expected}, got ${result.response.status}`);
      // State the test needs was not created: what follows would only fail for that reason.
      if (roleOf(index) === "setup") break;
    }
  }
  return sent;
}

/**
 * How long the server gives the run: its deadline less its start, both by the server's clock,
 * so a runner whose clock is off neither gives up early nor waits for nothing.
 */
function runTimeoutMs(execution: Execution, timeoutMs: number | null): number {
  const ms = Date.parse(execution.deadline_at) - Date.parse(execution.started_at);
  return Number.isFinite(ms) && ms > 0 ? ms : (timeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS);
}

export async function runTest(file: string, test: FlowprintTest, settings: RunSettings, deps: RunDependencies): Promise<TestRun> {
  const startedAt = Date.now();
  const run: TestRun = { file, name: test.name, status: "inconclusive", durationMs: 0, executionId: null, traceId: null, setupFailures: [], requestFailures: [], validation: null, reasons: [] };
  const done = (evidence: { setupFailures?: string[]; requestFailures?: string[]; validation?: TraceVerdict | null; runnerProblems: string[] }): TestRun => {
    const setupFailures = evidence.setupFailures ?? [];
    const requestFailures = evidence.requestFailures ?? [];
    const validation = evidence.validation ?? null;
    const { status, reasons } = combineOutcome({ setupFailures, requestFailures, validation, runnerProblems: evidence.runnerProblems });
    return { ...run, status, reasons, setupFailures, requestFailures, validation, durationMs: Date.now() - startedAt };
  };

  const variables = resolveVariables(test.variables, settings.vars, settings.baseUrl);
  const setup = test.setup;
  const requests = [test.trigger, ...test.steps];
  const problems = checkReferences([...setup, ...requests], variables, setup.length);
  if (problems.length > 0) return done({ runnerProblems: [...problems, "no request was sent"] });

  const timeoutMs = settings.timeoutMs ?? test.expect_trace.timeout_ms ?? null;
  const responses = new Map<string, RecordedResponse>();
  if (setup.length > 0) {
    // Setup has its own trace: the state it creates is not part of what the test checks, and
    // its runner span keeps that trace out of discovery.
    const setupSpan = deps.tracer.startRun(test.name, file, "setup");
    const sentSetup = await sendAll(setup, () => "setup", variables, responses, () => setupSpan.traceHeaders(), null, timeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS, deps);
    await setupSpan.finish(sentSetup.requestFailures.length > 0);
    if (sentSetup.requestFailures.length > 0) return done({ setupFailures: sentSetup.requestFailures, runnerProblems: ["the trigger was not sent because setup failed"] });
  }
  const stepExpectations = requests.filter((r) => r.expect?.nodes !== undefined).map((r) => ({ id: r.id, nodes: r.expect!.nodes! }));
  const span = deps.tracer.startRun(test.name, file);
  const flowId = test.discovered_from?.flow_id;
  let execution: Execution;
  const registeredAt = Date.now();
  try {
    // Registered before the trigger goes out, so no span of the run can arrive unclaimed.
    execution = await deps.api.createExecution({
      test_name: test.name.slice(0, MAX_TEST_NAME),
      ...(flowId && UUID.test(flowId) ? { flow_id: flowId } : {}),
      trace_id: span.traceId,
      expected: {
        nodes: test.expect_trace.nodes,
        trace_assert: test.expect_trace.trace_assert,
        ...(timeoutMs !== null ? { timeout_ms: timeoutMs } : {}),
        ...(stepExpectations.length > 0 ? { steps: stepExpectations } : {}),
      },
    });
  } catch (error) {
    if (!(error instanceof FlowprintUnavailable)) throw error;
    // The span is left unended, so never exported: nothing of this run reached the system, and
    // exporting it would only wait on the Flowprint that just failed to answer.
    return done({ runnerProblems: [`the run could not be registered: ${error.message}`, "no request was sent"] });
  }
  run.executionId = execution.id;
  run.traceId = span.traceId;
  span.setExecutionId(execution.id);

  const sent = await sendAll(requests, (index) => (index === 0 ? "trigger" : "step"), variables, responses, (request) => (request.expect?.nodes !== undefined ? span.stepHeaders(request.id) : span.traceHeaders()), execution, timeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS, deps);
  const exportProblem = await span.finish(sent.requestFailures.length > 0);
  const runnerProblems = [...sent.runnerProblems, ...(exportProblem ? [exportProblem] : [])];
  if (sent.unreachable) return done({ requestFailures: sent.requestFailures, runnerProblems });

  const answer = await awaitVerdict(deps.api, execution.id, registeredAt + runTimeoutMs(execution, timeoutMs), deps.clock);
  if ("problem" in answer) runnerProblems.push(answer.problem);
  return done({ requestFailures: sent.requestFailures, validation: "verdict" in answer ? answer.verdict : null, runnerProblems });
}
