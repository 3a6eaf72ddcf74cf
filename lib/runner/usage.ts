import { DEFAULT_SERVER, DEFAULT_WORKSPACE } from "./cli-args";

/** The CLI is not published on npm: where `npx flowprint` finds it, and how to call it elsewhere. */
export const WHERE_IT_RUNS = `Where it runs: inside a Flowprint checkout (after npm install), "npx flowprint" runs this
CLI. Elsewhere call it by path, "node <checkout>/bin/flowprint.mjs run ..."; outside a checkout
"npx flowprint" would fetch an unrelated package of that name from the npm registry.
`;

export const USAGE = `Usage: flowprint run <test.yaml>... [options]

Runs Flowprint tests (flows exported as YAML) against a running system: sends each test's
requests inside one trace and asks Flowprint whether that trace took the expected path.

Options:
  --base-url <url>      the system under test; overrides the file's base_url variable,
                        which an export fills in from the trace: leave it out to test the
                        system the trace came from (env FLOWPRINT_BASE_URL)
  --server <url>        Flowprint, which receives the traces and validates them
                        (env FLOWPRINT_SERVER, default ${DEFAULT_SERVER})
  --workspace <id>      Flowprint workspace (env FLOWPRINT_WORKSPACE, default "${DEFAULT_WORKSPACE}")
  --key <ingest key>    sent as a bearer key with the runner's spans
                        (env FLOWPRINT_INGEST_KEY)
  --token <api token>   REST API token when Flowprint has accounts on
                        (env FLOWPRINT_API_TOKEN, the safer place for it)
  --var <name=value>    sets a variable, overriding the file's; repeatable
  --timeout-ms <n>      how long to wait for each test's trace, overriding the file's
                        expect_trace.timeout_ms; also bounds each request
  --junit <file>        also write a JUnit XML report
  --output text|json    the report: text (default), or one JSON document on stdout (below),
                        the text report then going to stderr as progress
  -h, --help            this text

A directory argument runs the .yaml and .yml files in it; * and ? in a file name match
files in its directory (for shells that do not expand them).

Exit codes:
  0  every test passed
  1  a test failed, or a file could not be read or loaded
  2  usage error
  3  nothing failed, but a test was inconclusive (its trace never arrived, Flowprint
     could not be reached, an assertion could not be evaluated, or a variable is unknown)

--output json prints (exit codes as above; a usage error prints no document):
  {"command": "run", "server", "workspace", "base_url",
   "tests": [{"file", "name", "status": "passed|failed|inconclusive", "duration_ms",
              "execution_id", "trace_id", "diagnosis": [line], "failures": [line],
              "reasons": [line], "validation": Flowprint's verdict on the trace, or null}],
   "file_errors": [{"file", "message"}],
   "counts": {"passed", "failed", "inconclusive", "files_not_loaded"},
   "junit_file", "errors": [message], "exit_code"}

${WHERE_IT_RUNS}`;
