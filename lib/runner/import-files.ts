// The files `flowprint import` sends: each file argument, and every trace file below each
// directory argument, depth first with names sorted in each directory, so two runs over the same
// tree send the same files in the same order. A path that names nothing to send is a usage
// error, found before anything is sent.
import { accessSync, constants, readdirSync, statSync, type Stats } from "node:fs";
import path from "node:path";

export type TraceFileType = "application/json" | "application/x-ndjson";

export interface ImportFile {
  /** As given, or joined below the directory given. */
  path: string;
  /** The base name: what the server names in problems (`spans.jsonl:7:1`). */
  name: string;
  bytes: number;
  contentType: TraceFileType;
}

export type FoundImportFiles = { ok: true; files: ImportFile[] } | { ok: false; problems: string[] };

const EXTENSIONS = ".json, .jsonl or .ndjson";

/** JSON Lines files are sent as NDJSON, the media type the import endpoint reads line by line. */
export function contentTypeOf(name: string): TraceFileType | null {
  const extension = path.extname(name).toLowerCase();
  if (extension === ".json") return "application/json";
  if (extension === ".jsonl" || extension === ".ndjson") return "application/x-ndjson";
  return null;
}

const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** What went wrong with a path, in the words of `ls`; exported for its test (root reads any file, so a test cannot make one unreadable). */
export function reason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "ENOENT") return "no such file or directory";
  if (code === "EACCES" || code === "EPERM") return "permission denied";
  return (error as Error).message;
}

/** Trace files below `directory`. Linked directories are not followed: a link back up would never end. */
function walk(directory: string): string[] {
  const found: string[] = [];
  const entries = readdirSync(directory, { withFileTypes: true }).sort((a, b) => byCodeUnits(a.name, b.name));
  for (const entry of entries) {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) {
      found.push(...walk(full));
    } else if (contentTypeOf(entry.name) !== null) {
      if (entry.isFile() || (entry.isSymbolicLink() && statSync(full, { throwIfNoEntry: false })?.isFile())) found.push(full);
    }
  }
  return found;
}

function readableFile(file: string, stats: Stats): ImportFile {
  accessSync(file, constants.R_OK);
  return { path: file, name: path.basename(file), bytes: stats.size, contentType: contentTypeOf(file)! };
}

export function findImportFiles(paths: readonly string[]): FoundImportFiles {
  const files: ImportFile[] = [];
  const problems: string[] = [];
  const seen = new Set<string>();
  const add = (file: ImportFile) => {
    const key = path.resolve(file.path);
    if (!seen.has(key)) files.push(file);
    seen.add(key);
  };
  for (const given of paths) {
    try {
      const stats = statSync(given);
      if (stats.isDirectory()) {
        const found = walk(given);
        if (found.length === 0) problems.push(`${given}: no ${EXTENSIONS} files in this directory or below it`);
        for (const file of found) {
          try {
            add(readableFile(file, statSync(file)));
          } catch (error) {
            problems.push(`${file}: ${reason(error)}`);
          }
        }
      } else if (!stats.isFile()) {
        problems.push(`${given}: not a file or a directory`);
      } else if (contentTypeOf(given) === null) {
        problems.push(`${given}: not a trace file (${EXTENSIONS})`);
      } else {
        add(readableFile(given, stats));
      }
    } catch (error) {
      problems.push(`${given}: ${reason(error)}`);
    }
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, files };
}
