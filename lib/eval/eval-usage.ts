export const EVAL_USAGE = `Usage: flowprint eval run --dataset <file.eval.yaml> --model <name> [options]
       flowprint eval run --dataset <file.eval.yaml> --responses <file.jsonl> [options]

Runs an eval dataset (LLM calls exported from traces by Flowprint or toad-eye): gets an output
for each case, from a model behind an OpenAI-compatible endpoint or from a responses file, and
checks the case's assertions against it.

Options:
  --dataset <file>        the eval dataset (YAML)
  --model <name>          the model that answers each case; not needed with --responses
  --responses <file>      outputs produced elsewhere, one JSON line per case:
                          {"id": "production-case-1", "output": "..."}; a case without a line
                          is inconclusive
  --judge-model <name>    grades llm_judge assertions (env FLOWPRINT_LLM_JUDGE_MODEL); without
                          one they are inconclusive
  --base-url <url>        the OpenAI-compatible endpoint, e.g. https://api.openai.com/v1 or
                          http://localhost:11434/v1 (env FLOWPRINT_LLM_BASE_URL, else
                          OPENAI_BASE_URL, else OpenAI's own when OPENAI_API_KEY is set)
  --api-key <key>         sent as a bearer token (env FLOWPRINT_LLM_API_KEY, else
                          OPENAI_API_KEY, which goes only to OPENAI_BASE_URL's endpoint or
                          OpenAI's); prefer the environment: ps and shell history keep flags
  --timeout-ms <n>        bounds each model and judge call (default 120000)
  --concurrency <n>       cases in flight at once (default 1, so latencies compare; up to 32)
  --retries <n>           retries of a call refused with 429 or 5xx or cut off, waiting as the
                          endpoint's Retry-After says or 1 s, 2 s, 4 s... (default 3)
  --junit <file>          also write a JUnit XML report
  --output text|json      the report: text (default), or one JSON document on stdout (below),
                          the text report then going to stderr as progress
  -h, --help              this text

Assertions ({type, value}; promptfoo's meaning where it has the name, not_ inverts):
  max_length              at most this many characters
  contains, icontains     has the text; contains is case-sensitive, icontains is not
  equals, starts_with     is exactly, or starts with, the text (case-sensitive)
  regex                   matches the JavaScript regular expression (optional flags: i, s, ...)
  is_json                 the whole output is JSON (any JSON value); value false: it is not
  contains_json           a JSON object is somewhere in the output
  llm_judge               a criterion the judge model answers PASS or FAIL to
  Also: not_contains, not_icontains, not_equals, not_starts_with, not_regex. The older one-key
  form (- contains: text) still loads, its contains and not_contains ignoring case as before.

Exit codes:
  0  every case passed
  1  a case failed, or the dataset or responses file could not be read or loaded
  2  usage error
  3  nothing failed, but a case was inconclusive (the model could not answer, the responses
     file had no output for it, or an llm_judge assertion had no judge or no verdict)

--output json prints (exit codes as above; a usage error prints no document):
  {"command": "eval run", "dataset": {"file", "name"}, "model", "judge_model",
   "responses_file", "started_at", "duration_ms",
   "cases": [{"id", "status": "passed|failed|inconclusive", "output",
              "output_from": "model|responses|null", "latency_ms", "input_tokens",
              "output_tokens", "duration_ms", "reasons": [line],
              "assertions": [{"assertion": {"type", "value"}, "label", "status",
                              "expected", "actual"}]}],
   "counts": {"passed", "failed", "inconclusive"}, "junit_file",
   "load_error": {"file", "message"} or null, "warnings": [text], "errors": [message],
   "exit_code"}
`;
