// `npx flowprint <command>`: run (tests from flows), export, eval run, export-trace, import, and
// --version.
import { runEvalCli } from "../eval/run-eval-cli";
import { runExportTraceCli } from "../eval/export-trace-cli";
import { EXIT_PASSED, EXIT_USAGE } from "./exit-codes";
import { runExportCli } from "./export-cli";
import { flowprintVersion } from "./flowprint-version";
import { runImportCli } from "./import-cli";
import { runCli, type CliIo } from "./run-cli";
import { WHERE_IT_RUNS } from "./usage";

export const COMMANDS_USAGE = `Usage: flowprint <command> [options]

Commands:
  run <test.yaml>...              run tests exported from flows against a system
  export flow|journey|variants|openapi ...  write tests or a service's OpenAPI document
  eval run --dataset <file> ...   run an eval dataset against a model, or score recorded outputs
  export-trace <trace id>         write a trace's LLM calls (from Flowprint or Jaeger) as an eval
                                  dataset
  import <file|dir>...            upload trace files (OTLP, Jaeger, Zipkin JSON) to Flowprint
  version, --version, -V          print Flowprint's version

"flowprint <command> --help" describes each. run, export, eval run, export-trace and import
take --output json: one JSON document on stdout instead of the text report.

${WHERE_IT_RUNS}`;

export async function dispatchCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === "-h" || command === "--help" || command === "help") {
    io.out(COMMANDS_USAGE);
    return command === undefined ? EXIT_USAGE : EXIT_PASSED;
  }
  if (command === "--version" || command === "-V" || command === "version") {
    io.out(`${flowprintVersion()}\n`);
    return EXIT_PASSED;
  }
  if (command === "eval") return runEvalCli(rest, io);
  if (command === "export-trace") return runExportTraceCli(rest, io);
  if (command === "export") return runExportCli(rest, io);
  if (command === "import") return runImportCli(rest, io);
  if (command === "run") return runCli(argv, io);
  io.err(`flowprint: unknown command "${command}"\n\n${COMMANDS_USAGE}`);
  return EXIT_USAGE;
}
