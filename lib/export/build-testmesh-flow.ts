// The TestMesh shape its users already have: one step per node of the flow's path, HTTP
// endpoints as http_request, topics as a kafka_producer step, databases as database_query.
import type { PathNode } from "../traces/path-node";
import type { ExportableFlow } from "./build-flowprint-test";
import { stepId } from "./step-id";

export interface TestmeshFlow {
  flow: {
    name: string;
    description: string;
    steps: { id: string; name: string; action: "http_request" | "kafka_producer" | "database_query"; config: Record<string, unknown> }[];
  };
}

function stepOf(node: PathNode, index: number) {
  const id = `${stepId(`${node.type} ${node.identifier}`)}_${index + 1}`;
  if (node.type === "api_endpoint") {
    const [method, ...rest] = node.identifier.split(" ");
    const path = rest.join(" ") || "/";
    return { id, name: node.identifier, action: "http_request" as const, config: { method, url: `{{base_url}}${path.startsWith("/") ? path : `/${path}`}` } };
  }
  if (node.type === "topic") {
    return { id, name: `publish ${node.identifier}`, action: "kafka_producer" as const, config: { brokers: "{{kafka_brokers}}", topic: node.identifier } };
  }
  if (node.type === "database") {
    return { id, name: `query ${node.identifier}`, action: "database_query" as const, config: { database: node.identifier, service: node.service } };
  }
  return null;
}

export function buildTestmeshFlow(flow: ExportableFlow): TestmeshFlow {
  const steps = flow.path.flatMap((node, i) => {
    const step = stepOf(node, i);
    return step ? [step] : [];
  });
  return {
    flow: {
      name: flow.name,
      description: `Auto-discovered flow (seen ${flow.occurrenceCount} times, risk score ${Math.round(flow.riskScore * 100) / 100})`,
      steps,
    },
  };
}
