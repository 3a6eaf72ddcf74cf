// Data-flow evidence: a value one endpoint returned (a response body field, a `Location`
// header) that a later request to another endpoint carries (a path parameter, a query or
// header value, a body field). Requests in different traces count too: a client that
// creates an order in one request and reads it in the next makes two traces.
import { identifyingValues } from "./identifying-values";
import type { DataFlowEvidence } from "./model-types";
import type { EndpointKey, Exchange } from "./read-trace-exchanges";
import { matchRoutePath } from "./route-template";

interface Produced {
  exchange: Exchange;
  at: string;
}

function producedValues(exchange: Exchange): { at: string; value: string }[] {
  const values = identifyingValues(exchange.responseBody).map(({ path, value }) => ({ at: ["body", ...path].join("."), value: String(value) }));
  if (exchange.location) {
    values.push({ at: "header.location", value: exchange.location });
    const last = exchange.location.split("?")[0].split("/").filter(Boolean).pop();
    if (last) values.push({ at: "header.location", value: decodeSafe(last) });
  }
  return values;
}

function consumedValues(exchange: Exchange): { at: string; value: string }[] {
  const values: { at: string; value: string }[] = [];
  const params = exchange.path ? matchRoutePath(exchange.route, exchange.path) : null;
  for (const [name, value] of Object.entries(params ?? {})) values.push({ at: `path.${name}`, value });
  for (const [name, value] of Object.entries(exchange.query)) values.push({ at: `query.${name}`, value });
  for (const [name, value] of Object.entries(exchange.headers)) values.push({ at: `header.${name}`, value });
  for (const { path, value } of identifyingValues(exchange.requestBody)) values.push({ at: ["body", ...path].join("."), value: String(value) });
  return values;
}

export function findDataFlow(exchanges: readonly Exchange[], endpointIdOf: (key: EndpointKey) => string): DataFlowEvidence[] {
  // A request carries what it got before it started; a response gives its values when it
  // ends. A gateway's response, ending after the call it relayed, fed that call nothing.
  const events = exchanges.flatMap((exchange) => [
    { atNs: exchange.startNs, produces: false, exchange },
    { atNs: exchange.endNs, produces: true, exchange },
  ]);
  events.sort((a, b) => (a.atNs < b.atNs ? -1 : a.atNs > b.atNs ? 1 : Number(b.produces) - Number(a.produces)));
  const produced = new Map<string, Produced[]>();
  const evidence = new Map<string, DataFlowEvidence>();
  for (const { exchange, produces } of events) {
    if (produces) {
      for (const { at, value } of producedValues(exchange)) {
        const list = produced.get(value) ?? [];
        list.push({ exchange, at });
        produced.set(value, list);
      }
      continue;
    }
    const consumerId = endpointIdOf(exchange);
    for (const { at, value } of consumedValues(exchange)) {
      // The latest earlier response that returned the value is the one the request used;
      // one of the consumer's own service first, since a gateway relays what its callee made.
      const candidates = produced.get(value)?.filter((p) => endpointIdOf(p.exchange) !== consumerId) ?? [];
      const source = candidates.findLast((p) => p.exchange.service === exchange.service) ?? candidates.at(-1);
      if (!source) continue;
      const producerId = endpointIdOf(source.exchange);
      const key = `${producerId}\n${source.at}\n${consumerId}\n${at}`;
      const existing = evidence.get(key);
      const across = source.exchange.traceId !== exchange.traceId;
      if (existing) {
        existing.count++;
        existing.acrossTraces ||= across;
      } else evidence.set(key, { producerEndpointId: producerId, producedAt: source.at, consumerEndpointId: consumerId, consumedAt: at, count: 1, example: value, acrossTraces: across });
    }
  }
  return [...evidence.values()].sort((a, b) => b.count - a.count || a.producerEndpointId.localeCompare(b.producerEndpointId) || a.consumedAt.localeCompare(b.consumedAt));
}

function decodeSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
