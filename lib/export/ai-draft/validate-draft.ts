// A drafted file is only worth showing when it loads and could run against the system as the
// model knows it: every placeholder resolves, every request calls a known endpoint, every
// expected node can occur. What fails is said precisely enough for the model to fix it.
import type { SystemModel } from "../../model/model-types";
import { checkReferences } from "../../runner/check-references";
import type { ExpectedNode, FlowprintRequest, FlowprintTest } from "../flowprint-test.schema";
import { loadFlowprintTest } from "../load-flowprint-test";
import type { DraftIssue } from "./draft-types";
import { matchRequestEndpoint, requestPath } from "./match-request-endpoint";

export interface DraftReference {
  model: SystemModel;
  /** The deterministic export, when there is one: its requests and nodes are known to be right. */
  deterministic: FlowprintTest | null;
}

export type DraftValidation = { ok: true; test: FlowprintTest; warnings: string[] } | { ok: false; issues: DraftIssue[] };

const nodeKey = (node: Pick<ExpectedNode, "type" | "identifier">) => `${node.type}:${node.identifier}`;

/** A draft's path against a deterministic request's: a placeholder there is a parameter, which any segment fills. */
function fillsTemplate(path: string, template: string): boolean {
  const parts = path.split("/").filter(Boolean);
  const segments = template.split("/").filter(Boolean);
  return parts.length === segments.length && segments.every((segment, i) => segment === parts[i] || segment.includes("{{"));
}

function requestsOf(test: FlowprintTest): { request: FlowprintRequest; where: string }[] {
  return [
    ...test.setup.map((request) => ({ request, where: `setup ${request.id}` })),
    { request: test.trigger, where: `trigger ${test.trigger.id}` },
    ...test.steps.map((request) => ({ request, where: `step ${request.id}` })),
  ];
}

/** Expected nodes wherever the file lists them: the trace's, and a request's own when the schema has them. */
function expectedNodesOf(test: FlowprintTest): { node: ExpectedNode; path: string }[] {
  const perRequest = requestsOf(test).flatMap(({ request, where }) => {
    const nodes = (request.expect as { nodes?: ExpectedNode[] } | undefined)?.nodes ?? [];
    return nodes.map((node, i) => ({ node, path: `${where} expect.nodes.${i}` }));
  });
  return [...test.expect_trace.nodes.map((node, i) => ({ node, path: `expect_trace.nodes.${i}` })), ...perRequest];
}

function knownNodes(model: SystemModel, deterministic: FlowprintTest | null): Set<string> {
  return new Set([
    ...model.endpoints.map((e) => `api_endpoint:${e.method} ${e.route}`),
    ...model.services.map((s) => `service:${s.name}`),
    ...model.endpoints.map((e) => `service:${e.service}`),
    ...model.datastores.map((d) => `database:${d.name}`),
    ...model.topics.map((t) => `topic:${t.name}`),
    ...(deterministic ? expectedNodesOf(deterministic).map(({ node }) => nodeKey(node)) : []),
  ]);
}

function endpointIssue(request: FlowprintRequest, where: string, reference: DraftReference): DraftIssue | null {
  const path = requestPath(request.url);
  if (path === null) return { path: where, message: `url ${JSON.stringify(request.url)} must start with {{base_url}} followed by an endpoint's path` };
  const method = request.method.toUpperCase();
  if (matchRequestEndpoint(reference.model, method, request.url)) return null;
  const known = reference.deterministic ? requestsOf(reference.deterministic).map((r) => r.request) : [];
  if (known.some((r) => r.method === method && fillsTemplate(path, requestPath(r.url) ?? ""))) return null;
  return { path: where, message: `${method} ${path} is not an endpoint of the system model` };
}

export function validateDraft(yaml: string, reference: DraftReference): DraftValidation {
  if (yaml.trim() === "") return { ok: false, issues: [{ path: "file", message: "the answer held no YAML file" }] };
  const loaded = loadFlowprintTest(yaml);
  if (!loaded.ok) return { ok: false, issues: loaded.problems.map((p) => ({ path: `line ${p.line}:${p.column}`, message: p.message })) };
  const test = loaded.test;
  const issues: DraftIssue[] = [];
  const requests = requestsOf(test);

  const seen = new Set<string>();
  for (const { request, where } of requests) {
    if (seen.has(request.id)) issues.push({ path: where, message: `id ${request.id} is used by an earlier request too; ids must be unique` });
    seen.add(request.id);
  }
  // base_url is always there when the test runs: the file's, or --base-url.
  const variables = { base_url: "", ...test.variables };
  for (const problem of checkReferences(requests.map((r) => r.request), variables, test.setup.length)) {
    const [where, ...message] = problem.split(": ");
    issues.push({ path: where, message: message.join(": ") });
  }
  for (const { request, where } of requests) {
    const issue = endpointIssue(request, where, reference);
    if (issue) issues.push(issue);
  }
  const known = knownNodes(reference.model, reference.deterministic);
  for (const { node, path } of expectedNodesOf(test)) {
    if (!known.has(nodeKey(node))) issues.push({ path, message: `${node.type} "${node.identifier}" is neither in the system model nor in the deterministic export` });
  }
  if (issues.length > 0) return { ok: false, issues };

  const kept = new Set(expectedNodesOf(test).map(({ node }) => nodeKey(node)));
  const dropped = reference.deterministic ? reference.deterministic.expect_trace.nodes.filter((n) => !kept.has(nodeKey(n))) : [];
  const warnings = dropped.map((n) => `The draft no longer expects ${n.type} "${n.identifier}", which the deterministic export expects.`);
  return { ok: true, test, warnings };
}
