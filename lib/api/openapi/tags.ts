// The document's tags, in the order a reader meets the product (README's sections).
export const TAGS = [
  { name: "ingestion", description: "OTLP/HTTP trace receivers and the ingest keys that guard them. Answers follow the OTLP specification, not the API's error shape." },
  { name: "accounts", description: "First-run setup, who is signed in, users, workspaces, members, API tokens and the audit log." },
  { name: "sign-in", description: "Better Auth's own endpoints under /api/auth that Flowprint's pages use (it serves others there too; sign-up is off). Its errors are `{code, message}`; 404 in Flowprint's error shape when FLOWPRINT_AUTH=off." },
  { name: "settings", description: "A workspace's telemetry settings." },
  { name: "traces", description: "Stored spans and traces: lists, one trace's tree with its critical path and error origins, comparisons." },
  { name: "flows", description: "Discovered flows, the service graph and test coverage." },
  { name: "diagnosis", description: "Why a flow or an entry point fails and why it is slow, and a model's summary of it." },
  { name: "drift", description: "Drift alerts and each entry point's learning window." },
  { name: "tests", description: "Flows and entities as runnable test files, drafted by a model or not, and registered test runs with their validation." },
  { name: "model", description: "The system model learned from traffic: services, endpoints, entities, and an OpenAPI document per service." },
  { name: "llm", description: "LLM calls recorded in traces: usage, cost, the calls, and eval datasets made from them." },
  { name: "webhooks", description: "Webhooks and their delivery log." },
  { name: "jaeger", description: "Jaeger's query API over a workspace, in Jaeger's JSON: for Grafana's Jaeger data source, the Jaeger UI and toad-eye's export-trace." },
  { name: "meta", description: "Health, the JSON Schemas of Flowprint's file formats, and this document." },
] as const;

export type ApiTag = (typeof TAGS)[number]["name"];
