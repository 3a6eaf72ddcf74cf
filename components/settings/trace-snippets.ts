// "Send your traces here": the three set-ups README.md's "Sending traces" describes, filled in
// with this server's address and workspace.
export interface SnippetContext {
  /** Where the browser reached Flowprint, e.g. https://flowprint.internal. */
  origin: string;
  workspaceId: string;
  /** Once any key exists, ingestion needs one (README: "Workspaces and ingest keys"). */
  keysRequired: boolean;
}

export const KEY_PLACEHOLDER = "<your-ingest-key>";

export function envSnippet({ origin, workspaceId, keysRequired }: SnippetContext): string {
  // Header values in OTEL_EXPORTER_OTLP_HEADERS are URL-decoded, so the space is %20.
  const headers = [`X-Workspace-ID=${workspaceId}`, ...(keysRequired ? [`Authorization=Bearer%20${KEY_PLACEHOLDER}`] : [])].join(",");
  return [
    `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT=${origin}/v1/traces`,
    "OTEL_EXPORTER_OTLP_TRACES_PROTOCOL=http/protobuf",
    "OTEL_EXPORTER_OTLP_COMPRESSION=gzip",
    `OTEL_EXPORTER_OTLP_HEADERS=${headers}`,
  ].join("\n");
}

export function collectorSnippet({ origin, workspaceId, keysRequired }: SnippetContext): string {
  return [
    "exporters:",
    "  otlphttp/flowprint:",
    "    # The exporter appends /v1/traces.",
    `    endpoint: ${origin}`,
    "    compression: gzip",
    "    encoding: proto",
    "    headers:",
    `      X-Workspace-ID: ${workspaceId}`,
    keysRequired ? '      Authorization: "Bearer ${env:FLOWPRINT_INGEST_KEY}"' : '      # Authorization: "Bearer ${env:FLOWPRINT_INGEST_KEY}"  # once keys exist',
    "service:",
    "  pipelines:",
    "    traces:",
    "      receivers: [otlp]",
    "      exporters: [otlphttp/flowprint]",
  ].join("\n");
}

export function nodeSnippet({ origin, workspaceId, keysRequired }: SnippetContext): string {
  const auth = keysRequired ? "\n      Authorization: `Bearer ${process.env.FLOWPRINT_INGEST_KEY}`," : "";
  return `// tracing.mjs, loaded before the app:  node --import ./tracing.mjs server.js
// npm install @opentelemetry/sdk-node @opentelemetry/auto-instrumentations-node \\
//   @opentelemetry/exporter-trace-otlp-proto
import { NodeSDK } from "@opentelemetry/sdk-node";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-proto";
import { getNodeAutoInstrumentations } from "@opentelemetry/auto-instrumentations-node";

const sdk = new NodeSDK({
  serviceName: "checkout",
  traceExporter: new OTLPTraceExporter({
    url: "${origin}/v1/traces",
    headers: {
      "X-Workspace-ID": "${workspaceId}",${auth}
    },
    compression: "gzip",
  }),
  instrumentations: [getNodeAutoInstrumentations()],
});
sdk.start();
process.on("SIGTERM", () => sdk.shutdown());
`;
}
