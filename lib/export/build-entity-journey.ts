// An entity's lifecycle as one runnable test: create → read → update → delete → read (404),
// as far as traffic showed each step, on the service that creates the entity. Each request
// carries its own expected nodes (the path of the flow that endpoint starts), which the
// runner checks per step; later steps use the id the creation returned.
import type { ModelEndpoint, ModelEntity, SystemModel } from "../model/model-types";
import { withArticle } from "../model/name-entity";
import { parseRouteTemplate } from "../model/route-template";
import type { ExpectedNode, FlowprintRequest, FlowprintTest } from "./flowprint-test.schema";
import type { ExportNote } from "./plan-setup";
import { spanBudgetMs } from "../validation/validate-trace";
import { nodeKey } from "../traces/node-key";
import type { PathNode } from "../traces/path-node";
import { stepId } from "./step-id";

/** The flow an endpoint starts (its most frequent variant), for the step's expected nodes. */
export interface EntryFlow {
  id: string;
  path: readonly PathNode[];
  nodeP95Ms: ReadonlyMap<string, number>;
  /**
   * The flow's representative request: its body and headers took the path above (a gold
   * customer's order takes another path than the one most orders take).
   */
  request?: { body: unknown; headers: Record<string, string> } | null;
}

export interface JourneyInput {
  entity: ModelEntity;
  model: SystemModel;
  /** By endpoint id. */
  entryFlows: ReadonlyMap<string, EntryFlow>;
  /** Where the creating request was recorded going (scheme://host:port), when known. */
  origin: string | null;
  timeoutMs: number;
}

export interface EntityJourney {
  test: FlowprintTest | null;
  notes: ExportNote[];
}

const round = (ms: number) => Math.round(ms * 1000) / 1000;

function successStatus(endpoint: ModelEndpoint): number | undefined {
  return endpoint.statusCodes.filter((s) => s.value >= 200 && s.value < 300).sort((a, b) => b.count - a.count || a.value - b.value)[0]?.value;
}

function nodesOf(flow: EntryFlow | undefined): ExpectedNode[] | undefined {
  if (!flow) return undefined;
  return flow.path.map((node) => {
    const p95 = flow.nodeP95Ms.get(nodeKey(node));
    return { type: node.type, identifier: node.identifier, service: node.service, ...(p95 !== undefined && p95 > 0 ? { p95_ms: round(p95), max_duration_ms: round(spanBudgetMs(p95)) } : {}) };
  });
}

/** The request's URL: the id parameter takes the created id, other parameters a recorded example. */
function urlOf(endpoint: ModelEndpoint, idReference: string | null): string | null {
  const parts: string[] = [];
  for (const segment of parseRouteTemplate(endpoint.route)) {
    if (segment.kind === "static") parts.push(segment.text);
    else if (segment.name === endpoint.entity?.idParameter && idReference) parts.push(idReference);
    else {
      const example = endpoint.pathParameters.find((p) => p.name === segment.name)?.example;
      if (example === null || example === undefined) return null;
      parts.push(encodeURIComponent(example));
    }
  }
  return `{{base_url}}/${parts.join("/")}`;
}

export function buildEntityJourney(input: JourneyInput): EntityJourney {
  const { entity, model } = input;
  const notes: ExportNote[] = [];
  const endpoint = (id: string) => model.endpoints.find((e) => e.id === id);
  const creator = entity.creator ? endpoint(entity.creator.endpointId) : undefined;
  if (!creator || !entity.creator) {
    return { test: null, notes: [{ path: [], message: `no endpoint was seen creating ${withArticle(entity.name)}: a journey starts with its creation.` }] };
  }
  if (entity.creator.idField === null) {
    return { test: null, notes: [{ path: [], message: `${creator.method} ${creator.route} creates ${withArticle(entity.name)}, but no recorded response showed where its id is (record http.response.body).` }] };
  }
  const service = creator.service;
  /** The busiest endpoint of the operation on the creator's service that takes the id in its path. */
  const itemEndpoint = (kind: "read" | "update" | "delete") =>
    (entity.operations.find((o) => o.kind === kind)?.endpointIds ?? [])
      .map(endpoint)
      .find((e): e is ModelEndpoint => e !== undefined && e.service === service && e.entity?.name === entity.name && e.entity.idParameter !== null);

  const createId = stepId(`create ${entity.name}`);
  const idReference = `{{${createId}.body.${entity.creator.idField}}}`;
  const requests: FlowprintRequest[] = [];
  const add = (id: string, e: ModelEndpoint, status: number | undefined, label: string, withBody: boolean) => {
    const url = urlOf(e, id === createId ? null : idReference);
    if (url === null) {
      notes.push({ path: [], message: `${label} (${e.method} ${e.route}) was left out: none of its requests was recorded with a path.` });
      return;
    }
    const flow = input.entryFlows.get(e.id);
    const recorded = flow?.request ?? null;
    const headers = recorded ? recorded.headers : Object.fromEntries(e.headers.filter((h) => h.example !== null).map((h) => [h.name, h.example!]));
    const example = recorded ? recorded.body : e.requestExample;
    const nodes = label === "read after delete" ? undefined : nodesOf(flow);
    requests.push({
      id,
      name: `${label}: ${e.method} ${e.route}`,
      method: e.method as FlowprintRequest["method"],
      url,
      ...(Object.keys(headers).length > 0 ? { headers } : {}),
      ...(withBody && example !== undefined ? { body: structuredClone(example) } : {}),
      expect: { ...(status !== undefined ? { status } : {}), ...(nodes ? { nodes } : {}) },
    });
    if (withBody && example === undefined && ["POST", "PUT", "PATCH"].includes(e.method)) {
      const index = requests.length - 1;
      notes.push({ path: index === 0 ? ["trigger"] : ["steps", index - 1], message: `the body of ${e.method} ${e.route} was not recorded; the ${label} step sends none.` });
    }
  };

  add(createId, creator, successStatus(creator), "create", true);
  const read = itemEndpoint("read");
  const update = itemEndpoint("update");
  const remove = itemEndpoint("delete");
  if (read) add(stepId(`read ${entity.name}`), read, successStatus(read), "read", false);
  if (update) add(stepId(`update ${entity.name}`), update, successStatus(update), "update", true);
  if (remove) add(stepId(`delete ${entity.name}`), remove, successStatus(remove), "delete", false);
  // Only a read traffic showed answering 404 is expected to answer it after the delete.
  if (remove && read?.statusCodes.some((s) => s.value === 404)) add(stepId(`read ${entity.name} after delete`), read, 404, "read after delete", false);
  for (const [kind, found] of [["read", read], ["update", update], ["delete", remove]] as const) {
    if (!found) notes.push({ path: [], message: `no ${kind} of ${withArticle(entity.name)} by id was seen on ${service}: the journey has no ${kind} step.` });
  }
  if (requests.length === 0) return { test: null, notes };

  const [trigger, ...steps] = requests;
  const test: FlowprintTest = {
    version: 1,
    name: `${entity.name} journey on ${service}`,
    description: `The lifecycle of ${withArticle(entity.name)} as traffic showed it: ${requests.map((r) => r.id).join(" → ")}`,
    variables: { base_url: input.origin ?? "http://localhost:8080" },
    setup: [],
    trigger,
    steps,
    expect_trace: { timeout_ms: input.timeoutMs, nodes: [], trace_assert: [`trace.span('${service.replace(/'/g, "\\'")}') != nil`] },
  };
  return { test, notes };
}
