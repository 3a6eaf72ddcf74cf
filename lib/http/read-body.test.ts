import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { bodyErrorStatus, BodyTooLargeError, CorruptBodyError, decodeContentEncoding, readBodyLimited, readRequestBody, UnsupportedEncodingError } from "./read-body";

function stream(chunks: Uint8Array[]): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(chunk);
      controller.close();
    },
  });
}

describe("readBodyLimited", () => {
  it("joins chunks up to the limit", async () => {
    const body = await readBodyLimited(stream([new Uint8Array([1, 2]), new Uint8Array([3])]), 3);
    expect([...body]).toEqual([1, 2, 3]);
    expect((await readBodyLimited(null, 10)).byteLength).toBe(0);
  });

  it("stops reading past the limit", async () => {
    await expect(readBodyLimited(stream([new Uint8Array(3), new Uint8Array(3)]), 5)).rejects.toBeInstanceOf(BodyTooLargeError);
  });
});

describe("decodeContentEncoding", () => {
  it("passes identity through and inflates gzip", async () => {
    const raw = new TextEncoder().encode("hello");
    expect(await decodeContentEncoding(raw, null, 100)).toBe(raw);
    expect(await decodeContentEncoding(raw, "identity", 100)).toBe(raw);
    expect(new TextDecoder().decode(await decodeContentEncoding(gzipSync(raw), "GZIP", 100))).toBe("hello");
  });

  it("refuses a gzip bomb at the limit instead of inflating it", async () => {
    const bomb = gzipSync(Buffer.alloc(8 * 1024 * 1024));
    await expect(decodeContentEncoding(bomb, "gzip", 1024 * 1024)).rejects.toBeInstanceOf(BodyTooLargeError);
  });

  it("names corrupt gzip and unsupported encodings", async () => {
    await expect(decodeContentEncoding(new Uint8Array([1, 2, 3]), "gzip", 100)).rejects.toBeInstanceOf(CorruptBodyError);
    await expect(decodeContentEncoding(new Uint8Array([1]), "br", 100)).rejects.toBeInstanceOf(UnsupportedEncodingError);
  });
});

describe("readRequestBody", () => {
  const post = (body: Uint8Array, headers: Record<string, string> = {}) => new Request("http://x/", { method: "POST", body: body as BodyInit, headers });

  it("reads and inflates the body within the limit", async () => {
    const text = new TextDecoder().decode(await readRequestBody(post(gzipSync("hello"), { "content-encoding": "gzip" }), 100));
    expect(text).toBe("hello");
  });

  it("refuses a Content-Length over the limit before reading, and maps each failure to its status", async () => {
    const refused = readRequestBody(post(new Uint8Array(10), { "content-length": "10" }), 5);
    await expect(refused).rejects.toBeInstanceOf(BodyTooLargeError);
    expect(bodyErrorStatus(await refused.catch((e: unknown) => e))).toBe(413);
    expect(bodyErrorStatus(await readRequestBody(post(new Uint8Array([1]), { "content-encoding": "br" }), 5).catch((e: unknown) => e))).toBe(415);
    expect(bodyErrorStatus(await readRequestBody(post(new Uint8Array([1]), { "content-encoding": "gzip" }), 5).catch((e: unknown) => e))).toBe(400);
    expect(bodyErrorStatus(new Error("other"))).toBeUndefined();
  });
});
