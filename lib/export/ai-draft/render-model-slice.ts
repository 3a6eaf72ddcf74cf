// The model slice as plain lines a model reads easily: one block per endpoint (parameters with
// an example value, trimmed body schemas, a clipped request example, downstream calls) and one
// per entity (who creates it, its operations, where its id flows).
import type { ModelEndpoint, ModelEntity } from "../../model/model-types";
import { byteLength, clipText } from "./clip-text";
import type { ModelSlice } from "./slice-model";
import { trimJsonSchema } from "./trim-json-schema";

/** A trimmed schema is still JSON of any length; this keeps one from filling the context. */
const MAX_SCHEMA_BYTES = 1536;

const schemaText = (schema: Record<string, unknown>) => clipText(JSON.stringify(trimJsonSchema(schema)), MAX_SCHEMA_BYTES);

function endpointBlock(endpoint: ModelEndpoint, maxBodyBytes: number): string {
  const statuses = endpoint.statusCodes.map((s) => s.value).join(", ");
  const entity = endpoint.entity ? `; entity ${endpoint.entity.name}${endpoint.entity.operation ? `: ${endpoint.entity.operation}` : ""}` : "";
  const lines = [`${endpoint.method} ${endpoint.route}  (service ${endpoint.service}${statuses ? `; statuses ${statuses}` : ""}${entity})`];
  const params = (label: string, list: ModelEndpoint["pathParameters"]) => {
    if (list.length > 0) lines.push(`  ${label}: ${list.map((p) => (p.example !== null ? `${p.name} (e.g. ${clipText(p.example, 100)})` : p.name)).join(", ")}`);
  };
  params("path parameters", endpoint.pathParameters);
  params("query parameters", endpoint.queryParameters);
  // Header names only: their recorded values can identify a user.
  if (endpoint.headers.length > 0) lines.push(`  headers: ${endpoint.headers.map((h) => h.name).join(", ")}`);
  if (endpoint.requestBody) lines.push(`  request body schema: ${schemaText(endpoint.requestBody)}`);
  if (endpoint.requestExample !== undefined && endpoint.requestExample !== null) {
    lines.push(`  request example: ${clipText(typeof endpoint.requestExample === "string" ? endpoint.requestExample : JSON.stringify(endpoint.requestExample), maxBodyBytes)}`);
  }
  for (const response of endpoint.responses) if (response.schema) lines.push(`  response ${response.status} schema: ${schemaText(response.schema)}`);
  const calls = [
    ...endpoint.downstream.endpoints.map((d) => `${d.method} ${d.route} (${d.service})`),
    ...endpoint.downstream.databases.map((d) => `database ${d.name}${d.operation ? ` ${d.operation}` : ""}${d.tables.length ? ` ${d.tables.join(", ")}` : ""}`),
    ...endpoint.downstream.topics.map((t) => `topic ${t.name}`),
  ];
  if (calls.length > 0) lines.push(`  calls: ${calls.join("; ")}`);
  return lines.join("\n");
}

function entityBlock(entity: ModelEntity, endpointName: (id: string) => string): string {
  const creator = entity.creator ? `; created by ${endpointName(entity.creator.endpointId)}${entity.creator.idField ? ` (new id at body.${entity.creator.idField})` : ""}` : "";
  const operations = entity.operations.map((o) => `${o.kind}: ${o.endpointIds.map(endpointName).join(", ") || o.databaseOperations.map((d) => `${d.operation} ${d.table}`).join(", ")}`);
  const lines = [`entity ${entity.name}: id fields ${entity.idFields.join(", ") || "(none seen)"}${creator}${operations.length ? `; ${operations.join("; ")}` : ""}`];
  for (const flow of entity.dataFlow.slice(0, 5)) {
    lines.push(`  data flow: ${endpointName(flow.producerEndpointId)} ${flow.producedAt} → ${endpointName(flow.consumerEndpointId)} ${flow.consumedAt} (seen ${flow.count} times)`);
  }
  for (const note of entity.notes.slice(0, 3)) lines.push(`  note: ${note}`);
  return lines.join("\n");
}

/**
 * Blocks in order of use (focus endpoints and creators, entities, the services' other endpoints) until `maxBytes`; the
 * rest is counted, not shown.
 */
export function renderModelSlice(slice: ModelSlice, endpointNames: ReadonlyMap<string, string>, options: { maxBodyBytes: number; maxBytes: number }): { text: string; omittedBlocks: number } {
  const endpointName = (id: string) => endpointNames.get(id) ?? id;
  const blocks = [
    ...slice.endpoints.map((e) => ({ kind: "endpoint" as const, text: endpointBlock(e, options.maxBodyBytes) })),
    ...slice.entities.map((e) => ({ kind: "entity" as const, text: entityBlock(e, endpointName) })),
    ...slice.otherEndpoints.map((e) => ({ kind: "endpoint" as const, text: endpointBlock(e, options.maxBodyBytes) })),
  ];
  if (blocks.length === 0) return { text: "(the model knows no endpoint of these services)", omittedBlocks: 0 };
  const shown: string[] = [];
  let used = 0;
  const left = { endpoint: 0, entity: 0 };
  for (const block of blocks) {
    const size = byteLength(block.text) + 1;
    // Room is kept for the closing note.
    if (used + size > options.maxBytes - 96) {
      left[block.kind]++;
      continue;
    }
    shown.push(block.text);
    used += size;
  }
  const omittedBlocks = left.endpoint + left.entity;
  if (omittedBlocks > 0) shown.push(`… ${left.endpoint} more endpoints and ${left.entity} more entities not shown`);
  return { text: shown.join("\n"), omittedBlocks };
}
