// OTLP/HTTP on its standard port (4318), for SDKs and Collectors left at their defaults: the
// same handlers as the dashboard's /v1/traces, /v1/metrics and /v1/logs, on a plain Node server
// beside Next.js in the same process (and so the same span writer).
import { errorFields, logger } from "../http/logger";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { Readable } from "node:stream";
import { receiveOtherSignal } from "./receive-otlp-other-signals";
import { methodNotAllowed, receiveOtlpTraces } from "./receive-otlp-traces";

const ROUTES: Record<string, (request: Request) => Promise<Response>> = {
  "/v1/traces": receiveOtlpTraces,
  "/v1/metrics": receiveOtherSignal("metrics"),
  "/v1/logs": receiveOtherSignal("logs"),
};

function toRequest(incoming: IncomingMessage): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming.headers)) {
    if (value === undefined) continue;
    for (const one of Array.isArray(value) ? value : [value]) headers.append(name, one);
  }
  const hasBody = incoming.method !== "GET" && incoming.method !== "HEAD";
  return new Request(`http://${incoming.headers.host ?? "localhost"}${incoming.url ?? "/"}`, {
    method: incoming.method,
    headers,
    ...(hasBody ? { body: Readable.toWeb(incoming) as ReadableStream<Uint8Array>, duplex: "half" } : {}),
  } as RequestInit);
}

async function answer(incoming: IncomingMessage, outgoing: ServerResponse): Promise<void> {
  const path = new URL(incoming.url ?? "/", "http://localhost").pathname;
  const handler = ROUTES[path];
  const response = !handler
    ? Response.json({ code: 5, message: `No OTLP endpoint at ${path.slice(0, 100)}: use /v1/traces, /v1/metrics or /v1/logs.` }, { status: 404 })
    : incoming.method === "POST"
      ? await handler(toRequest(incoming))
      : methodNotAllowed();
  outgoing.writeHead(response.status, Object.fromEntries(response.headers));
  outgoing.end(Buffer.from(await response.arrayBuffer()));
}

/** Starts the listener on host:port; resolves once it listens, to the port bound. */
export function startOtlpHttpListener(host: string, port: number): Promise<{ port: number; server: Server }> {
  const server = createServer((incoming, outgoing) => {
    answer(incoming, outgoing).catch((error: unknown) => {
      logger.error(errorFields(error), "OTLP/HTTP request failed");
      if (!outgoing.headersSent) outgoing.writeHead(500, { "content-type": "application/json" });
      outgoing.end(JSON.stringify({ code: 13, message: "The export could not be processed." }));
    });
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      const address = server.address();
      resolve({ port: typeof address === "object" && address ? address.port : port, server });
    });
  });
}
