// Request bodies read with a hard size limit, compressed and decompressed, so a client (or a
// gzip bomb) cannot make the server buffer more than the limit.
import { gunzip } from "node:zlib";

export class BodyTooLargeError extends Error {
  constructor(limit: number, what: "body" | "decompressed body") {
    super(`The ${what} exceeds the limit of ${limit} bytes.`);
  }
}

export class CorruptBodyError extends Error {}

export class UnsupportedEncodingError extends Error {}

/**
 * A request's body, decompressed, within `limit` bytes both ways; a Content-Length over the
 * limit is refused before anything is read.
 */
export async function readRequestBody(request: Request, limit: number): Promise<Uint8Array> {
  if (Number(request.headers.get("content-length") ?? "0") > limit) throw new BodyTooLargeError(limit, "body");
  return decodeContentEncoding(await readBodyLimited(request.body, limit), request.headers.get("content-encoding"), limit);
}

/** The HTTP status that refuses a body readRequestBody could not read; undefined for any other error. */
export function bodyErrorStatus(error: unknown): 400 | 413 | 415 | undefined {
  if (error instanceof BodyTooLargeError) return 413;
  if (error instanceof UnsupportedEncodingError) return 415;
  if (error instanceof CorruptBodyError) return 400;
  return undefined;
}

export async function readBodyLimited(body: ReadableStream<Uint8Array> | null, limit: number): Promise<Uint8Array> {
  if (!body) return new Uint8Array(0);
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => undefined);
      throw new BodyTooLargeError(limit, "body");
    }
    chunks.push(value);
  }
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

/** Undoes Content-Encoding; OTLP/HTTP requires receivers to support gzip. */
export function decodeContentEncoding(body: Uint8Array, encoding: string | null, limit: number): Promise<Uint8Array> {
  const value = (encoding ?? "").trim().toLowerCase();
  if (value === "" || value === "identity") return Promise.resolve(body);
  if (value !== "gzip" && value !== "x-gzip") {
    return Promise.reject(new UnsupportedEncodingError(`Unsupported Content-Encoding "${value.slice(0, 40)}": use gzip or none.`));
  }
  return new Promise((resolve, reject) => {
    // maxOutputLength makes zlib stop at the limit instead of inflating a bomb into memory.
    gunzip(body, { maxOutputLength: limit }, (error, result) => {
      if (!error) return resolve(new Uint8Array(result.buffer, result.byteOffset, result.byteLength));
      if ((error as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE" || error instanceof RangeError) {
        return reject(new BodyTooLargeError(limit, "decompressed body"));
      }
      reject(new CorruptBodyError(`The body is not valid gzip: ${error.message}`));
    });
  });
}
