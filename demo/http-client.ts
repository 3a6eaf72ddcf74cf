// JSON over node:http for calls between demo services. Deliberately node:http and not fetch:
// instrumentation-http traces http.request (CLIENT span + traceparent header), while fetch
// (undici) would need another instrumentation package.
import http from "node:http";

/** Set by the launcher: longer when DEMO_SLOW_MS makes a service late on purpose. */
const DEFAULT_TIMEOUT_MS = Number(process.env.DEMO_CALL_TIMEOUT_MS) || 5_000;

export interface JsonResponse<T> {
  status: number;
  body: T;
}

export interface JsonRequest {
  method?: "GET" | "POST";
  body?: unknown;
  headers?: Record<string, string>;
  /** Abort after this many milliseconds; demo calls are local, so keep it short. */
  timeoutMs?: number;
}

export function requestJson<T = unknown>(url: string, options: JsonRequest = {}): Promise<JsonResponse<T>> {
  const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      {
        method: options.method ?? "GET",
        headers: {
          accept: "application/json",
          ...(payload === undefined ? {} : { "content-type": "application/json" }),
          ...options.headers,
        },
        timeout: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("error", reject);
        response.on("end", () => {
          const text = Buffer.concat(chunks).toString("utf8");
          try {
            resolve({ status: response.statusCode ?? 0, body: (text ? JSON.parse(text) : undefined) as T });
          } catch {
            reject(new Error(`${url} answered ${response.statusCode} with non-JSON body`));
          }
        });
      },
    );
    request.on("timeout", () => request.destroy(new Error(`${url} timed out`)));
    request.on("error", reject);
    request.end(payload);
  });
}
