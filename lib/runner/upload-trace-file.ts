// One trace file, one request: POST {server}/api/v1/workspaces/{ws}/telemetry/import?file_name=
// with the file's bytes as the body. The server detects the format and converts; the CLI only
// carries bytes, so what it sends is exactly what the file holds.
import { readFile } from "node:fs/promises";
import { promisify } from "node:util";
import { gzip } from "node:zlib";
import { authorizationHeader, tokenHint } from "./api-token";
import { describeFetchError } from "./describe-fetch-error";
import type { ImportFile } from "./import-files";
import { importStatusOf, readImportAnswer, type FileImportResult } from "./import-result";

const MIB = 1024 * 1024;
/** Trace JSON shrinks ten-fold or more; below this the request is small either way. */
export const GZIP_ABOVE_BYTES = MIB;
/**
 * The CLI's own ceiling, above the server's (which answers 413 with its limit): it keeps a file
 * that is certainly too large from being read into memory and sent only to be refused.
 */
export const MAX_IMPORT_FILE_BYTES = 64 * MIB;
// A large file is parsed and written in one request; longer than this is a stuck server.
const IMPORT_TIMEOUT_MS = 300_000;

const gzipAsync = promisify(gzip);

export interface ImportTarget {
  server: string;
  workspace: string;
  apiToken: string | null;
}

export function importUrl(target: ImportTarget, fileName: string): string {
  return `${target.server}/api/v1/workspaces/${encodeURIComponent(target.workspace)}/telemetry/import?file_name=${encodeURIComponent(fileName)}`;
}

// Rounded up, so a file just over the limit never reads as "64.0 MiB is over 64 MiB".
const mib = (bytes: number) => `${(Math.ceil((bytes / MIB) * 10) / 10).toFixed(1)} MiB`;

export function tooLargeMessage(bytes: number): string {
  return `${mib(bytes)} is over the ${MAX_IMPORT_FILE_BYTES / MIB} MiB flowprint import sends (Flowprint's own limit is lower): split the file`;
}

/** The API's `{error: {message}}`, else the status line. */
function errorMessage(response: Response, text: string): string {
  try {
    const message = (JSON.parse(text) as { error?: { message?: unknown } }).error?.message;
    if (typeof message === "string" && message !== "") return message;
  } catch {
    // A proxy's page: its status says enough.
  }
  return `Flowprint answered ${response.status} ${response.statusText}`.trimEnd();
}

export async function uploadTraceFile(file: ImportFile, target: ImportTarget, fetchImpl: typeof fetch = fetch): Promise<FileImportResult> {
  const result: FileImportResult = { path: file.path, fileName: file.name, bytes: file.bytes, gzip: false, status: "failed", httpStatus: null, answer: null, error: null };
  const fail = (error: string): FileImportResult => ({ ...result, error });
  if (file.bytes > MAX_IMPORT_FILE_BYTES) return fail(tooLargeMessage(file.bytes));
  // Backed by a plain ArrayBuffer, as fetch's BodyInit types want.
  let content: Uint8Array<ArrayBuffer>;
  try {
    content = new Uint8Array(await readFile(file.path));
  } catch (error) {
    return fail(`could not be read: ${(error as Error).message}`);
  }
  // The file may have grown since it was found.
  if (content.byteLength > MAX_IMPORT_FILE_BYTES) return fail(tooLargeMessage(content.byteLength));
  result.bytes = content.byteLength;
  result.gzip = content.byteLength > GZIP_ABOVE_BYTES;
  const body = result.gzip ? new Uint8Array(await gzipAsync(content)) : content;
  const headers: Record<string, string> = { "content-type": file.contentType, ...(result.gzip ? { "content-encoding": "gzip" } : {}), ...authorizationHeader(target.apiToken) };
  let response: Response;
  try {
    response = await fetchImpl(importUrl(target, file.name), { method: "POST", headers, body, signal: AbortSignal.timeout(IMPORT_TIMEOUT_MS) });
  } catch (error) {
    return fail(`Flowprint at ${target.server} could not be reached: ${describeFetchError(error)}`);
  }
  result.httpStatus = response.status;
  const text = await response.text().catch(() => "");
  if (response.status === 200 || response.status === 422) {
    let parsed: unknown = null;
    try {
      parsed = JSON.parse(text);
    } catch {
      // Checked below with everything else that is not the contract.
    }
    const answer = readImportAnswer(parsed);
    if (answer !== null) return { ...result, status: importStatusOf(response.status, answer), answer };
    if (response.status === 200) return fail("Flowprint answered 200 without an import result: is it a Flowprint version that imports files?");
  }
  return fail(`${errorMessage(response, text)}${tokenHint(response.status, target.apiToken)}`);
}
