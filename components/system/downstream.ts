// An endpoint's downstream calls as short lines: the endpoints it calls, the tables it reads or
// writes, the topics it publishes to.
import type { ModelEndpointView } from "@/lib/api/model.types";

export interface DownstreamLine {
  kind: "endpoint" | "database" | "topic";
  text: string;
  /** Set for an endpoint the model knows, so the line can open it. */
  endpointId?: string;
  service?: string;
  count: number;
}

export function downstreamLines(endpoint: ModelEndpointView): DownstreamLine[] {
  const { endpoints, databases, topics } = endpoint.downstream;
  return [
    ...endpoints.map((e): DownstreamLine => ({ kind: "endpoint", text: `${e.method} ${e.route}`, endpointId: e.endpoint_id, service: e.service, count: e.count })),
    ...databases.map((d): DownstreamLine => ({ kind: "database", text: `${d.operation ?? (d.writes ? "write" : "query")} ${d.tables.length > 0 ? d.tables.join(", ") : d.name}`, service: `${d.system} ${d.name}`, count: d.count })),
    ...topics.map((t): DownstreamLine => ({ kind: "topic", text: t.name, count: t.count })),
  ];
}

export const DOWNSTREAM_KIND_LABEL: Record<DownstreamLine["kind"], string> = { endpoint: "calls", database: "db", topic: "topic" };
