// `export` and `export-trace` took `-o, --output <dir>` before `--output text|json` became every
// command's report flag. Both stay: --output text or json is the format and any other value the
// directory, as before; -o is only ever the directory, and refuses the two format words, since
// `-o json` meaning a folder named "json" would surprise anyone who knows kubectl's -o.
import { isReportFormat, type ReportFormat } from "./report-format";

export type OutputArgument = { report: ReportFormat } | { directory: string } | { message: string } | { other: true };

export function outputArgument(flag: string, value: string): OutputArgument {
  if (flag === "--output") return isReportFormat(value) ? { report: value } : { directory: value };
  if (flag === "-o") {
    return isReportFormat(value) ? { message: `-o names the directory to write to (a folder named ${value}: -o ./${value}); the report format is --output ${value}` } : { directory: value };
  }
  return { other: true };
}
