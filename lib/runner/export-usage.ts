import { DEFAULT_SERVER, DEFAULT_WORKSPACE } from "./cli-args";

export const EXPORT_USAGE = `Usage: flowprint export <what> <which> [--output <dir>] [options]

Writes test files or an API description from what Flowprint learned:
  flow <flow id>                   the flow as a runnable test (setup steps create what it needs)
  journey <entity>                 the entity's lifecycle as one test (create, read, update, delete)
  variants <service> <operation>   one test per variant of the entry point, each asserting
                                   what sets it apart, e.g. variants api-gateway POST /api/v1/orders
  openapi <service>                the service's OpenAPI 3.1 document, inferred from traffic

Options:
  -o, --output <dir>       where to write the file (default: the current directory)
  --output text|json       the report: text (default), or one JSON document on stdout (below),
                           "Wrote" lines and warnings then going to stderr; any other --output
                           value is the directory, and -o is only ever the directory
  --setup auto|none        flow, variants: create the entities the trigger refers to first
                           (default auto)
  --ai                     flow, journey: a draft by the model Flowprint is configured with
                           (FLOWPRINT_LLM_BASE_URL on the server), checked against the model
  --format <format>        flow: flowprint (default) or testmesh; openapi: json (default) or yaml
  --server <url>           Flowprint (env FLOWPRINT_SERVER, default ${DEFAULT_SERVER})
  --workspace <id>         Flowprint workspace (env FLOWPRINT_WORKSPACE, default "${DEFAULT_WORKSPACE}")
  --token <api token>      REST API token when Flowprint has accounts on (env FLOWPRINT_API_TOKEN)
  -h, --help               this text

What a file could not do as recorded (an id kept, a body never recorded) is printed as a
warning and written as a comment where it applies.

Exit codes: 0 written; 1 unknown flow, entity or service, no journey, Flowprint could not be
reached, or the file could not be written; 2 usage error.

--output json prints (a usage error prints no document):
  {"command": "export", "what": "flow|journey|variants|openapi", "target",
   "files": [{"file": path written, "warnings": [text]}], "errors": [message], "exit_code"}
`;
