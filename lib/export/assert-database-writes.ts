// Database writes of the representative trace as trace_assert expressions: a path only says a
// database was used, so a run that read the table instead of writing it would still match the
// path. Each write the representative made becomes "a span of that database wrote there",
// spelled with the exact attribute values the representative recorded (trace_assert has no
// case folding or patterns, and these keys are low-cardinality by convention, so a run of the
// same code records the same values).
import { readDatabaseOperation } from "../model/read-database-operation";
import type { Attributes } from "../otlp/span";
import type { PathNode } from "../traces/path-node";
import { nodeKey } from "../traces/node-key";
import { attributeAccess, quoteText, recordedLiteral } from "./trace-assert-text";

/** A span of the representative trace, as stored; only database spans count. */
export interface RecordedSpan {
  service: string;
  name: string;
  attributes: Attributes;
}

const SYSTEM_KEYS = ["db.system.name", "db.system"];
const NAMESPACE_KEYS = ["db.namespace", "db.name"];
const OPERATION_KEYS = ["db.operation.name", "db.operation"];
const TABLE_KEYS = ["db.collection.name", "db.sql.table", "db.mongodb.collection", "db.cosmosdb.container"];
const SUMMARY_KEY = "db.query.summary";

/** The first key holding usable text, as lib/traces readTextAttribute picks it. */
function recordedKey(attributes: Attributes, keys: readonly string[]): string | undefined {
  return keys.find((key) => {
    if (!Object.hasOwn(attributes, key)) return false;
    const value = attributes[key];
    return (typeof value === "string" && value.trim() !== "") || (typeof value === "number" && Number.isFinite(value));
  });
}

function equalsRecorded(attributes: Attributes, key: string): string | undefined {
  const literal = recordedLiteral(attributes[key]);
  return literal === undefined ? undefined : `${attributeAccess(key)} == ${literal}`;
}

/**
 * What was written, by the recorded fields that say it on their own: the operation name with
 * the table; else the query summary or the span name ("INSERT orders") when they name a table;
 * else the operation alone, then a summary or name without a table. Null when only the
 * statement text tells, which carries the run's values.
 */
function writeConditions(span: RecordedSpan, systemKey: string, namespaceKey: string | undefined): string[] | null {
  const { attributes } = span;
  // Each field read on its own, with the database it names: a summary or span name word equal
  // to the namespace is the namespace, not a table.
  const system = { [systemKey]: attributes[systemKey], ...(namespaceKey === undefined ? {} : { [namespaceKey]: attributes[namespaceKey] }) };
  const operationKey = recordedKey(attributes, OPERATION_KEYS);
  const operation =
    operationKey !== undefined && readDatabaseOperation({ ...system, [operationKey]: attributes[operationKey] })?.writes ? equalsRecorded(attributes, operationKey) : undefined;
  const tableKey = recordedKey(attributes, TABLE_KEYS);
  const table = tableKey === undefined ? undefined : equalsRecorded(attributes, tableKey);
  if (operation !== undefined && table !== undefined) return [operation, table];

  const texts: { read: ReturnType<typeof readDatabaseOperation>; condition: string | undefined }[] = [];
  if (recordedKey(attributes, [SUMMARY_KEY]) !== undefined) {
    texts.push({ read: readDatabaseOperation({ ...system, [SUMMARY_KEY]: attributes[SUMMARY_KEY] }), condition: equalsRecorded(attributes, SUMMARY_KEY) });
  }
  texts.push({ read: readDatabaseOperation(system, span.name), condition: `.name == ${quoteText(span.name)}` });
  const writes = texts.filter((t) => t.read?.writes && t.condition !== undefined);
  const naming = writes.find((t) => t.read!.tables.length > 0);
  if (naming) return [naming.condition!];
  if (operation !== undefined) return table === undefined ? [operation] : [operation, table];
  return writes.length > 0 ? [writes[0].condition!] : null;
}

/**
 * One assertion per distinct write of the representative trace to a database on `path`, in
 * path order: `trace.spans | any(.service == 'orders' and .attributes['db.namespace'] == 'orders'
 * and .attributes['db.operation.name'] == 'INSERT' and .attributes['db.collection.name'] == 'orders')`.
 * Reads add nothing; a write only its statement text describes is left out.
 */
export function databaseWriteAssertions(path: readonly PathNode[], spans: readonly RecordedSpan[]): string[] {
  const order = new Map(path.filter((node) => node.type === "database").map((node, index) => [nodeKey(node), index]));
  const found: { position: number; expression: string }[] = [];
  for (const span of spans) {
    const { attributes } = span;
    // A span with a route is an endpoint, whatever else it records (lib/traces/type-path-node).
    if (Object.hasOwn(attributes, "http.route")) continue;
    const systemKey = recordedKey(attributes, SYSTEM_KEYS);
    if (systemKey === undefined || typeof attributes[systemKey] !== "string") continue;
    const operation = readDatabaseOperation(attributes, span.name);
    if (!operation?.writes) continue;
    const namespaceKey = recordedKey(attributes, NAMESPACE_KEYS);
    const identifier = namespaceKey === undefined ? String(attributes[systemKey]) : String(attributes[namespaceKey]);
    const position = order.get(nodeKey({ type: "database", identifier }));
    if (position === undefined) continue;
    const written = writeConditions(span, systemKey, namespaceKey);
    if (written === null) continue;
    const database = equalsRecorded(attributes, namespaceKey ?? systemKey)!;
    const expression = `trace.spans | any(${[`.service == ${quoteText(span.service)}`, database, ...written].join(" and ")})`;
    if (!found.some((f) => f.expression === expression)) found.push({ position, expression });
  }
  // Stable: writes to one database keep the order the trace made them in.
  return found.sort((a, b) => a.position - b.position).map((f) => f.expression);
}
