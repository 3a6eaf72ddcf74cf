// Shells expand `tests/*.yaml` themselves; Windows' cmd and a quoted pattern do not, and a
// directory is a natural thing to point a runner at.
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import type { FileError } from "./test-run";

const TEST_FILE = /\.ya?ml$/i;

function patternRegex(pattern: string): RegExp {
  const source = pattern.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, "[^/\\\\]*").replace(/\?/g, "[^/\\\\]");
  return new RegExp(`^${source}$`);
}

function isDirectory(file: string): boolean {
  try {
    return statSync(file).isDirectory();
  } catch {
    return false;
  }
}

function filesIn(directory: string, keep: (name: string) => boolean): string[] {
  try {
    return readdirSync(directory, { withFileTypes: true })
      .filter((entry) => entry.isFile() && keep(entry.name))
      .map((entry) => path.join(directory, entry.name))
      .sort();
  } catch {
    return [];
  }
}

export type FileArg = { file: string } | { error: FileError };

/** Files to run, in the order given; an argument that names nothing runnable is an error in its place. */
export function expandFileArgs(args: readonly string[]): FileArg[] {
  const entries: FileArg[] = [];
  const seen = new Set<string>();
  const add = (file: string) => {
    if (!seen.has(file)) entries.push({ file });
    seen.add(file);
  };
  for (const arg of args) {
    if (isDirectory(arg)) {
      const found = filesIn(arg, (name) => TEST_FILE.test(name));
      if (found.length === 0) entries.push({ error: { file: arg, message: `${arg}: no .yaml or .yml files in this directory` } });
      found.forEach(add);
    } else if (/[*?]/.test(path.basename(arg))) {
      const matcher = patternRegex(path.basename(arg));
      const found = filesIn(path.dirname(arg), (name) => matcher.test(name));
      if (found.length === 0) entries.push({ error: { file: arg, message: `${arg}: no files match` } });
      found.forEach(add);
    } else {
      // Reading it will say what is wrong with it, if anything.
      add(arg);
    }
  }
  return entries;
}
