import { DEFAULT_SERVER, DEFAULT_WORKSPACE } from "../runner/cli-args";

export const EXPORT_TRACE_USAGE = `Usage: flowprint export-trace <trace id> [--output <dir>] [options]

Writes the trace's LLM calls (those that recorded their prompt) as an eval dataset,
<dir>/trace-<first 8 hex of the id>.eval.yaml, to run with "flowprint eval run".

Options:
  -o, --output <dir>    where to write the file (default: the current directory)
  --server <url>        Flowprint (env FLOWPRINT_SERVER, default ${DEFAULT_SERVER})
  --workspace <id>      Flowprint workspace (env FLOWPRINT_WORKSPACE, default "${DEFAULT_WORKSPACE}")
  --token <api token>   REST API token when Flowprint has accounts on (env FLOWPRINT_API_TOKEN)
  -h, --help            this text

Exit codes: 0 written; 1 the trace is unknown, recorded no prompt ("Was content recording
enabled?"), Flowprint could not be reached, or the file could not be written; 2 usage error.
`;
