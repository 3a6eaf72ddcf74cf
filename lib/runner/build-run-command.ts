// The `flowprint run` command the dashboard shows beside an exported test. It must work when
// pasted: --base-url would override the file's own base_url (the system the trace went to), so it
// is only added when the file holds a stand-in; --server and --workspace are the page's own, left
// out when they are the CLI's defaults.
import { DEFAULT_SERVER, DEFAULT_WORKSPACE } from "./cli-args";

export interface RunCommandInput {
  /** The name the export downloads as. */
  fileName: string;
  /** The file's base_url when the trace recorded it; null when the file holds a stand-in. */
  fileBaseUrl: string | null;
  /** Flowprint's origin as the page sees it, e.g. `http://localhost:3000`. */
  server: string;
  workspace: string;
}

const BASE_URL_PLACEHOLDER = "<url of the system under test>";

/** The command as arguments, one option with its value per entry. */
export function runCommandParts(input: RunCommandInput): string[] {
  const server = input.server.replace(/\/+$/, "");
  return [
    `npx flowprint run ${input.fileName}`,
    ...(input.fileBaseUrl === null ? [`--base-url ${BASE_URL_PLACEHOLDER}`] : []),
    ...(server === DEFAULT_SERVER ? [] : [`--server ${server}`]),
    ...(input.workspace === DEFAULT_WORKSPACE ? [] : [`--workspace ${input.workspace}`]),
  ];
}

export function buildRunCommand(input: RunCommandInput): string {
  return runCommandParts(input).join(" ");
}
