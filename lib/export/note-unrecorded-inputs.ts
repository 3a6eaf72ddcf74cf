// Inputs a trace did not record are said where they matter, not guessed: most HTTP
// instrumentations record no bodies, so a replayed POST sends nothing and cannot take the
// branch its body chose.
import type { FlowprintTest } from "./flowprint-test.schema";
import type { ExportNote } from "./plan-setup";

const SENDS_BODY = new Set(["POST", "PUT", "PATCH"]);

export function noteUnrecordedInputs(test: FlowprintTest): ExportNote[] {
  const notes: ExportNote[] = [];
  const check = (request: FlowprintTest["trigger"], path: (string | number)[]) => {
    if (SENDS_BODY.has(request.method) && request.body === undefined) {
      notes.push({
        path,
        message: `the request body of ${request.id} was not recorded; this test sends none, so a branch its body would choose cannot be reached. Record http.request.body (see README: Recording bodies) or add a body:.`,
      });
    }
  };
  check(test.trigger, ["trigger"]);
  test.steps.forEach((step, i) => check(step, ["steps", i]));
  return notes;
}
