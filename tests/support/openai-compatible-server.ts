// A real OpenAI-compatible chat completions server on a free local port, so the eval client,
// runner and CLI are tested over HTTP as they are used. Replies are scripted per request; every
// request is recorded; a wrong bearer key gets OpenAI's 401.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface ChatCompletionBody {
  model?: string;
  messages?: { role: string; content: unknown; tool_calls?: unknown; tool_call_id?: string }[];
  temperature?: number;
  [field: string]: unknown;
}

export interface RecordedRequest {
  method: string;
  path: string;
  authorization: string | null;
  /** The parsed JSON body; null when it was not JSON. */
  body: ChatCompletionBody | null;
}

export interface ScriptedReply {
  /** The assistant message's content; null for a reply with no text. */
  content?: string | null;
  /** Default 200. A non-2xx status answers with an OpenAI-style error body carrying `content` as its message. */
  status?: number;
  /** Sent as is instead of a chat completion: for malformed answers. */
  rawBody?: string;
  /** Token counts to report; by default the words in the prompt and in the reply. */
  usage?: { prompt_tokens: number; completion_tokens: number } | null;
  /** Wait this long before answering: for timeouts. */
  delayMs?: number;
  /** Extra response headers, e.g. retry-after on a 429. */
  headers?: Record<string, string>;
}

export type ReplyScript = (body: ChatCompletionBody, request: RecordedRequest) => ScriptedReply | string | Promise<ScriptedReply | string>;

export interface OpenAiCompatibleServer {
  /** `http://127.0.0.1:<port>/v1`: what a client takes as its base URL. */
  baseUrl: string;
  requests: RecordedRequest[];
  stop(): Promise<void>;
}

const words = (text: string) => text.split(/\s+/).filter(Boolean).length;

/** The text of the last user message: what most scripts answer to. */
export function lastUserContent(body: ChatCompletionBody): string {
  const message = [...(body.messages ?? [])].reverse().find((m) => m.role === "user");
  return typeof message?.content === "string" ? message.content : "";
}

function send(response: ServerResponse, status: number, body: string, contentType = "application/json", headers: Record<string, string> = {}): void {
  response.writeHead(status, { ...headers, "content-type": contentType, "content-length": Buffer.byteLength(body) });
  response.end(body);
}

function errorBody(message: string, type: string, code: string | null = null): string {
  return JSON.stringify({ error: { message, type, param: null, code } });
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

/** `port`: a fixed one, for a server configured before this one starts (browser tests); else a free one. */
export async function startOpenAiCompatibleServer(options: { reply: ReplyScript; apiKey?: string | null; port?: number }): Promise<OpenAiCompatibleServer> {
  const requests: RecordedRequest[] = [];
  const timers = new Set<NodeJS.Timeout>();
  let completions = 0;

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? "/", "http://localhost");
    const text = await readBody(request);
    let body: ChatCompletionBody | null = null;
    try {
      body = JSON.parse(text) as ChatCompletionBody;
    } catch {
      body = null;
    }
    const recorded: RecordedRequest = { method: request.method ?? "", path: url.pathname, authorization: request.headers.authorization ?? null, body };
    requests.push(recorded);

    if (url.pathname !== "/v1/chat/completions" && url.pathname !== "/chat/completions") return send(response, 404, errorBody(`Unknown path ${url.pathname}`, "invalid_request_error"));
    if (request.method !== "POST") return send(response, 405, errorBody("Use POST", "invalid_request_error"));
    if (options.apiKey && recorded.authorization !== `Bearer ${options.apiKey}`) {
      return send(response, 401, errorBody("Incorrect API key provided.", "invalid_request_error", "invalid_api_key"));
    }
    if (!body || !Array.isArray(body.messages) || typeof body.model !== "string") {
      return send(response, 400, errorBody("The body must be JSON with a model and messages.", "invalid_request_error"));
    }

    const scripted = await options.reply(body, recorded);
    const reply: ScriptedReply = typeof scripted === "string" ? { content: scripted } : scripted;
    if (reply.delayMs) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          timers.delete(timer);
          resolve();
        }, reply.delayMs);
        timers.add(timer);
      });
    }
    const status = reply.status ?? 200;
    if (reply.rawBody !== undefined) return send(response, status, reply.rawBody, "text/plain");
    if (status < 200 || status >= 300) return send(response, status, errorBody(reply.content ?? "The server had an error.", status >= 500 ? "server_error" : "invalid_request_error"), "application/json", reply.headers);
    const content = reply.content ?? null;
    const prompt = (body.messages ?? []).map((m) => (typeof m.content === "string" ? m.content : "")).join(" ");
    const usage = reply.usage === undefined ? { prompt_tokens: words(prompt), completion_tokens: words(content ?? "") } : reply.usage;
    completions++;
    send(
      response,
      status,
      JSON.stringify({
        id: `chatcmpl-${completions}`,
        object: "chat.completion",
        created: Math.floor(Date.now() / 1000),
        model: body.model,
        choices: [{ index: 0, message: { role: "assistant", content }, finish_reason: "stop" }],
        ...(usage ? { usage: { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens } } : {}),
      }),
    );
  };

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) send(response, 500, errorBody(`The script threw: ${(error as Error).message}`, "server_error"));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    async stop() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      // Clients keep connections alive; close() alone would wait for them.
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
