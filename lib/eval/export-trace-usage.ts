import { DEFAULT_SERVER, DEFAULT_WORKSPACE } from "../runner/cli-args";

export const EXPORT_TRACE_USAGE = `Usage: flowprint export-trace <trace id> [--output <dir>] [options]
       flowprint export-trace <trace id> --jaeger-url <url> [--output <dir>] [options]

Writes the trace's LLM calls (those that recorded their prompt) as an eval dataset,
<dir>/trace-<first 8 hex of the id>.eval.yaml, to run with "flowprint eval run". The trace
comes from Flowprint, or with --jaeger-url from any Jaeger query service (GET <url>/api/traces/<id>),
read and turned into the same dataset Flowprint would write.

Options:
  -o, --output <dir>    where to write the file (default: the current directory)
  --output text|json    the report: text (default), or one JSON document on stdout (below),
                        the "Wrote" line and warnings then going to stderr; any other --output
                        value is the directory, and -o is only ever the directory
  --server <url>        Flowprint (env FLOWPRINT_SERVER, default ${DEFAULT_SERVER})
  --workspace <id>      Flowprint workspace (env FLOWPRINT_WORKSPACE, default "${DEFAULT_WORKSPACE}")
  --token <api token>   REST API token when Flowprint has accounts on (env FLOWPRINT_API_TOKEN)
  --jaeger-url <url>    read the trace from this Jaeger query service instead (the UI's address,
                        e.g. http://localhost:16686); not with --server, --workspace or --token.
                        The dataset's source names this URL where Flowprint's names the workspace
  -h, --help            this text

Exit codes: 0 written; 1 the trace is unknown, recorded no prompt ("Was content recording
enabled?"), Flowprint or Jaeger could not be reached, or the file could not be written;
2 usage error.

--output json prints (a usage error prints no document):
  {"command": "export-trace", "trace_id",
   "source": {"type": "flowprint", "server", "workspace"} or {"type": "jaeger", "url"},
   "file": path written or null, "cases": number or null, "warnings": [text],
   "errors": [message], "exit_code"}
`;
