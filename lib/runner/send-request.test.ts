import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encodeBody, parseResponseBody, sendRequest } from "./send-request";

describe("encodeBody", () => {
  it("sends objects as JSON and strings as text unless the file set a content-type", () => {
    expect(encodeBody({ method: "POST", url: "", headers: {}, body: { a: 1 } })).toEqual({ body: '{"a":1}', contentType: "application/json" });
    expect(encodeBody({ method: "POST", url: "", headers: {}, body: "hi" })).toEqual({ body: "hi", contentType: "text/plain; charset=utf-8" });
    expect(encodeBody({ method: "PUT", url: "", headers: { "content-type": "application/json" }, body: '{"a":1}' })).toEqual({ body: '{"a":1}', contentType: "application/json" });
    expect(encodeBody({ method: "POST", url: "", headers: {}, body: 0 })).toEqual({ body: "0", contentType: "application/json" });
  });

  it("sends no body without one, or with GET and HEAD", () => {
    expect(encodeBody({ method: "POST", url: "", headers: {}, body: undefined })).toEqual({ body: undefined, contentType: null });
    expect(encodeBody({ method: "GET", url: "", headers: {}, body: { a: 1 } })).toEqual({ body: undefined, contentType: null });
  });
});

describe("parseResponseBody", () => {
  it("parses JSON content types and keeps everything else as text", () => {
    expect(parseResponseBody('{"id":1}', "application/json; charset=utf-8")).toEqual({ id: 1 });
    expect(parseResponseBody('{"type":"x"}', "application/problem+json")).toEqual({ type: "x" });
    expect(parseResponseBody('{"id":1}', "text/plain")).toBe('{"id":1}');
    expect(parseResponseBody("not json", "application/json")).toBe("not json");
    expect(parseResponseBody("", "application/json")).toBe("");
    expect(parseResponseBody("x", null)).toBe("x");
  });
});

describe("sendRequest", () => {
  let server: Server;
  let base = "";
  const seen: { method?: string; url?: string; headers: IncomingHttpHeaders; body: string }[] = [];
  const unanswered: ServerResponse[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = "";
      req.on("data", (chunk) => (body += chunk));
      req.on("end", () => {
        seen.push({ method: req.method, url: req.url, headers: req.headers, body });
        if (req.url === "/redirect") return res.writeHead(302, { location: "/elsewhere" }).end();
        // Never answered while the test runs: the client's timeout decides, not a race with it.
        if (req.url === "/slow") return void unanswered.push(res);
        if (req.url === "/text") return res.writeHead(200, { "content-type": "text/plain" }).end("hello");
        res.writeHead(201, { "content-type": "application/json", "x-id": "o-1" }).end(JSON.stringify({ id: "o-1" }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    for (const res of unanswered) res.end("late");
    return new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it("sends the rendered request with the trace headers and records the response", async () => {
    const result = await sendRequest({ method: "POST", url: `${base}/orders`, headers: { "x-tenant": "t1" }, body: { qty: 2 } }, { traceparent: "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01" }, 5_000);
    expect(result).toEqual({ ok: true, response: { status: 201, headers: expect.objectContaining({ "x-id": "o-1" }), body: { id: "o-1" } } });
    const request = seen.at(-1)!;
    expect(request).toMatchObject({ method: "POST", url: "/orders", body: '{"qty":2}' });
    expect(request.headers).toMatchObject({ "x-tenant": "t1", "content-type": "application/json", traceparent: "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01" });
  });

  it("keeps text bodies and reports a redirect as the redirect", async () => {
    expect(await sendRequest({ method: "GET", url: `${base}/text`, headers: {}, body: undefined }, {}, 5_000)).toMatchObject({ ok: true, response: { status: 200, body: "hello" } });
    expect(await sendRequest({ method: "GET", url: `${base}/redirect`, headers: {}, body: undefined }, {}, 5_000)).toMatchObject({ ok: true, response: { status: 302, headers: { location: "/elsewhere" } } });
  });

  it("says why a request got no response", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const refused = await sendRequest({ method: "GET", url: `http://127.0.0.1:${port}/x`, headers: {}, body: undefined }, {}, 5_000);
    expect(refused).toEqual({ ok: false, error: expect.stringMatching(new RegExp(`^GET http://127\\.0\\.0\\.1:${port}/x failed: .*ECONNREFUSED`)) });
    const slow = await sendRequest({ method: "GET", url: `${base}/slow`, headers: {}, body: undefined }, {}, 200);
    expect(slow).toEqual({ ok: false, error: `GET ${base}/slow failed: timed out` });
  });
});
