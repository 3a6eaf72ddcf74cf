// What the model is told: the file format and the rules a draft is checked against, so a first
// answer can pass, and the problems of a failed one, so a second can.
import { flowprintTestJsonSchema } from "../flowprint-test.schema";
import type { DraftIssue } from "./draft-types";

export function draftSystemPrompt(): string {
  return [
    "You write Flowprint test files: YAML that sends HTTP requests to a system and then checks the trace (the path of services, endpoints, databases and topics) the requests caused.",
    "Answer with the YAML file only, in one ```yaml block, without explanations.",
    "",
    "Rules:",
    "1. The file must be valid against this JSON Schema:",
    JSON.stringify(flowprintTestJsonSchema()),
    "2. Use only endpoints of the system model you are given: every request's method and path must be one of its endpoints. A url is {{base_url}} followed by the endpoint's path, its route parameters filled with variables or values of earlier responses.",
    "3. A value of an earlier response is {{<request id>.body.<field>}} (also {{<id>.status}} and {{<id>.headers.<name>}}). Requests run in this order: setup, then trigger, then steps; a request can only use responses of requests before it. Any other placeholder must be declared under variables.",
    "4. Request ids are unique, lower_snake_case, starting with a letter.",
    "5. Keep the expect_trace nodes of the deterministic export unless the requests you send no longer cause them; add only nodes the system model or the deterministic export names (api_endpoint identifiers are `METHOD route` as the model lists them).",
    "6. Expect the response status the model recorded for each request.",
  ].join("\n");
}

export function retryPrompt(issues: readonly DraftIssue[]): string {
  return [
    "The file you wrote does not pass Flowprint's checks:",
    ...issues.map((issue) => `- ${issue.path}: ${issue.message}`),
    "",
    "Answer with the corrected YAML file only, in one ```yaml block.",
  ].join("\n");
}
