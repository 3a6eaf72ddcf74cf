import { DEFAULT_SERVER, DEFAULT_WORKSPACE } from "./cli-args";
import { GZIP_ABOVE_BYTES, MAX_IMPORT_FILE_BYTES } from "./upload-trace-file";

const MIB = 1024 * 1024;

export const IMPORT_USAGE = `Usage: flowprint import <file|dir>... [options]

Uploads trace files to Flowprint, which reads OTLP/JSON, OTLP JSON Lines, Jaeger JSON (the UI's
download or the query API's answer) and Zipkin v2 JSON. A directory sends every .json, .jsonl
and .ndjson file in it and below it, in sorted order. One request per file; a file over
${GZIP_ABOVE_BYTES / MIB} MiB is sent gzip-compressed, one over ${MAX_IMPORT_FILE_BYTES / MIB} MiB not at all (Flowprint's own limit is lower).

Options:
  --server <url>        Flowprint (env FLOWPRINT_SERVER, default ${DEFAULT_SERVER})
  --workspace <id>      Flowprint workspace (env FLOWPRINT_WORKSPACE, default "${DEFAULT_WORKSPACE}")
  --token <api token>   REST API token when Flowprint has accounts on (env FLOWPRINT_API_TOKEN,
                        the safer place for it)
  --output text|json    the report: text (default), or one JSON document on stdout (below),
                        the text report then going to stderr as progress
  -h, --help            this text

It prints a line per file, what Flowprint could not import of it indented below:
  imported spans.jsonl (otlp-json-lines): 12 traces, 240 spans
  imported traces.json (jaeger-json): 1 trace, 57 spans; 4 skipped
    traces.json at data[1].spans[3].startTime: must be a whole number of microseconds, not the string "yesterday".

Exit codes:
  0  every file imported without problems
  1  a file had problems (spans skipped or rejected), could not be imported, or could not be
     sent (too large, Flowprint unreachable or refusing it)
  2  usage error: no files given, a path that does not exist, cannot be read, or holds no
     trace files

--output json prints (a usage error prints no document):
  {"command": "import", "server", "workspace",
   "files": [{"path", "file_name", "bytes", "gzip": sent compressed,
              "status": "imported|imported_with_problems|rejected|failed",
              "http_status": number or null, "format": "otlp-json|otlp-json-lines|jaeger-json|
              zipkin-json" or null, "traces", "spans", "skipped_spans", "rejected_spans",
              "problems": [{"where", "message"}], "error": why it failed, or null}],
   "counts": {"files", "imported", "imported_with_problems", "rejected", "failed", "traces",
              "spans", "skipped_spans", "rejected_spans"},
   "exit_code"}
`;
