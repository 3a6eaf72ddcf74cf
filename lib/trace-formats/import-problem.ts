// What an import could not use, worded for the person who owns the file: where (the file, then
// a line or a JSON path) and why. Every problem means something was skipped; the result's
// counts say how much.

export interface ImportProblem {
  /**
   * "spans.jsonl:12" or "spans.jsonl:12:5" (line, column) for line-based input and syntax
   * errors; "trace.json at data[0].spans[3].startTime" for a field. Without a file name:
   * "line 12, column 5" or "data[0].spans[3].startTime".
   */
  where: string;
  message: string;
}

/**
 * A file with one systematic mistake would otherwise list it once per span: a message seen
 * before is counted on its first listing, and past this many distinct problems the rest are
 * counted in one closing problem.
 */
export const MAX_LISTED_PROBLEMS = 20;

interface Entry {
  problem: ImportProblem;
  repeats: number;
}

export class ProblemLog {
  private readonly entries: Entry[] = [];
  private readonly byMessage = new Map<string, Entry>();
  private unlisted = 0;
  private total = 0;

  constructor(readonly fileName: string | undefined) {}

  /** Problems added so far, repeats included. */
  get count(): number {
    return this.total;
  }

  add(where: string, message: string): void {
    this.total++;
    const seen = this.byMessage.get(message);
    if (seen !== undefined) {
      seen.repeats++;
    } else if (this.entries.length < MAX_LISTED_PROBLEMS) {
      const entry = { problem: { where, message }, repeats: 0 };
      this.entries.push(entry);
      this.byMessage.set(message, entry);
    } else {
      this.unlisted++;
    }
  }

  atPath(path: string, message: string): void {
    this.add(this.pathLocation(path), message);
  }

  atLine(line: number, column: number | undefined, message: string): void {
    this.add(this.lineLocation(line, column), message);
  }

  /** "trace.json at data[0]", "data[0]", or the file itself for the root path "". */
  pathLocation(path: string): string {
    if (path === "") return this.fileName ?? "the file";
    return this.fileName === undefined ? path : `${this.fileName} at ${path}`;
  }

  lineLocation(line: number, column?: number): string {
    if (this.fileName === undefined) return column === undefined ? `line ${line}` : `line ${line}, column ${column}`;
    return column === undefined ? `${this.fileName}:${line}` : `${this.fileName}:${line}:${column}`;
  }

  list(): ImportProblem[] {
    const listed = this.entries.map(({ problem, repeats }) =>
      repeats === 0 ? { ...problem } : { where: problem.where, message: `${problem.message} The same in ${repeats} more ${repeats === 1 ? "place" : "places"}.` },
    );
    if (this.unlisted === 0) return listed;
    const more = `${this.unlisted} more ${this.unlisted === 1 ? "problem" : "problems"} not listed; fix the ones above and import again to see them.`;
    return [...listed, { where: this.fileName ?? "the file", message: more }];
  }
}

/** One line per problem, for logs and the command line. */
export function formatImportProblem(problem: ImportProblem): string {
  return `${problem.where}: ${problem.message}`;
}
