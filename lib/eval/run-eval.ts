// Runs a dataset: each case's output (from the model, or from a responses file), then every
// assertion against it. Cases run one after another by default so latencies are comparable and
// a local model server is not flooded; `concurrency` runs several at once for hosted models.
import { requestChatCompletion, type ChatEndpoint } from "./chat-client";
import { checkAssertion } from "./check-assertion";
import { isLlmJudge, type EvalCase, type EvalDataset } from "./eval-dataset.schema";
import { caseStatusOf, type CaseResult, type EvalRun } from "./eval-result";
import { judgeAssertion, type Judge } from "./judge-assertion";
import { replayMessages } from "./replay-messages";
import type { AssertionResult } from "./assertion-result";

export interface RunEvalOptions {
  dataset: EvalDataset;
  /** The model that answers each case; not used when `responses` is given. */
  model?: string | null;
  /** The OpenAI-compatible endpoint, e.g. `http://localhost:11434/v1`; needed for model and judge calls. */
  baseUrl?: string | null;
  apiKey?: string | null;
  /** Grades `llm_judge` assertions; without it they are inconclusive. */
  judgeModel?: string | null;
  /** Outputs by case id, read from a responses file; a case missing here is inconclusive. */
  responses?: ReadonlyMap<string, string> | null;
  /** Bounds each model and judge call. */
  timeoutMs?: number;
  /** Retries of a call refused for load (see chat-client.ts); the client's default when absent. */
  retries?: number;
  retryDelayMs?: number;
  /** Cases in flight at once; default 1. Results keep the dataset's order. */
  concurrency?: number;
  /** Called as each case is judged, to report while the run goes on. */
  onCaseResult?: (result: CaseResult) => void;
}

/** The options cannot produce outputs or grade: a caller's mistake, not a case's failure. */
export class EvalConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "EvalConfigError";
  }
}

interface Output {
  text: string;
  from: "model" | "responses";
  latencyMs: number | null;
  inputTokens: number | null;
  outputTokens: number | null;
}

async function outputOf(testCase: EvalCase, options: RunEvalOptions, endpoint: ChatEndpoint | null): Promise<Output | { reason: string }> {
  if (options.responses) {
    const text = options.responses.get(testCase.id);
    if (text === undefined) return { reason: `the responses file has no output for case "${testCase.id}"` };
    return { text, from: "responses", latencyMs: null, inputTokens: null, outputTokens: null };
  }
  try {
    const reply = await requestChatCompletion(endpoint!, { model: options.model!, messages: replayMessages(testCase) });
    return { text: reply.content, from: "model", latencyMs: reply.latencyMs, inputTokens: reply.inputTokens, outputTokens: reply.outputTokens };
  } catch (error) {
    return { reason: `the model ${options.model} could not answer: ${(error as Error).message}` };
  }
}

async function runCase(testCase: EvalCase, options: RunEvalOptions, endpoint: ChatEndpoint | null, judge: Judge | null): Promise<CaseResult> {
  const started = performance.now();
  const output = await outputOf(testCase, options, endpoint);
  if ("reason" in output) {
    return { id: testCase.id, status: "inconclusive", output: null, outputFrom: null, latencyMs: null, inputTokens: null, outputTokens: null, durationMs: performance.now() - started, assertions: [], reasons: [output.reason] };
  }
  const assertions: AssertionResult[] = [];
  for (const assertion of testCase.assertions) {
    assertions.push(
      isLlmJudge(assertion)
        ? await judgeAssertion(assertion, { input: testCase.variables.input, output: output.text, reference: testCase.expected_output }, judge)
        : checkAssertion(assertion, output.text),
    );
  }
  return {
    id: testCase.id,
    status: caseStatusOf(assertions, []),
    output: output.text,
    outputFrom: output.from,
    latencyMs: output.latencyMs,
    inputTokens: output.inputTokens,
    outputTokens: output.outputTokens,
    durationMs: performance.now() - started,
    assertions,
    reasons: [],
  };
}

export async function runEval(options: RunEvalOptions): Promise<EvalRun> {
  const usesModel = !options.responses;
  const usesJudge = Boolean(options.judgeModel) && options.dataset.cases.some((c) => c.assertions.some(isLlmJudge));
  if (usesModel && !options.model) throw new EvalConfigError("a model is needed to produce outputs when no responses are given");
  if ((usesModel || usesJudge) && !options.baseUrl) throw new EvalConfigError(`a base URL is needed to call ${usesModel ? "the model" : "the judge model"}`);
  const endpoint: ChatEndpoint | null = options.baseUrl ? { baseUrl: options.baseUrl, apiKey: options.apiKey ?? null, timeoutMs: options.timeoutMs, retries: options.retries, retryDelayMs: options.retryDelayMs } : null;
  const judge = options.judgeModel && endpoint ? { model: options.judgeModel, endpoint } : null;

  const startedAt = new Date();
  const started = performance.now();
  const cases: CaseResult[] = new Array(options.dataset.cases.length);
  let next = 0;
  const worker = async () => {
    while (next < options.dataset.cases.length) {
      const index = next++;
      const result = await runCase(options.dataset.cases[index], options, endpoint, judge);
      cases[index] = result;
      options.onCaseResult?.(result);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(options.concurrency ?? 1, options.dataset.cases.length)) }, worker));
  return {
    dataset: options.dataset.name,
    model: usesModel ? options.model! : null,
    judgeModel: judge?.model ?? null,
    startedAt: startedAt.toISOString(),
    durationMs: performance.now() - started,
    cases,
  };
}
