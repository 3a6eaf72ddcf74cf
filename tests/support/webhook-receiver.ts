// A local HTTP endpoint that records the webhooks it receives and answers with the status the
// test chooses, so deliveries are tested against a real receiver rather than a stub of fetch.
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface ReceivedWebhook {
  headers: IncomingHttpHeaders;
  body: string;
  path: string;
  receivedAtMs: number;
}

export interface WebhookReceiver {
  url: string;
  port: number;
  received: ReceivedWebhook[];
  /** The status of each next request, by its 0-based index among all received; default 200. */
  respondWith(status: (index: number) => number): void;
  /** Resolves once `count` requests arrived; fails after `timeoutMs`, a bound far beyond what is expected. */
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedWebhook[]>;
  close(): Promise<void>;
}

export async function startWebhookReceiver(port = 0): Promise<WebhookReceiver> {
  const received: ReceivedWebhook[] = [];
  let status: (index: number) => number = () => 200;
  const waiters: (() => void)[] = [];
  const server: Server = createServer((req, res) => {
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (chunk: string) => (body += chunk));
    req.on("end", () => {
      const index = received.length;
      received.push({ headers: req.headers, body, path: req.url ?? "/", receivedAtMs: Date.now() });
      const code = status(index);
      res.writeHead(code, { "content-type": "text/plain", connection: "close" });
      res.end(code >= 400 ? "receiver says no" : "ok");
      for (const wake of waiters.splice(0)) wake();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  const actualPort = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${actualPort}/hooks/flowprint`,
    port: actualPort,
    received,
    respondWith(next) {
      status = next;
    },
    async waitFor(count, timeoutMs = 60_000) {
      const deadline = Date.now() + timeoutMs;
      while (received.length < count) {
        if (Date.now() > deadline) throw new Error(`Expected ${count} webhook requests, got ${received.length} in ${timeoutMs} ms`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 250).unref();
        });
      }
      return received.slice(0, count);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
