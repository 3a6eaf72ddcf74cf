// Every placeholder of a test is checked before its first request: a typo in a variable name
// should cost nothing, not a half-sent flow whose trace then fails for the wrong reason.
import type { FlowprintRequest } from "../export/flowprint-test.schema";
import { parseResponseReference, placeholdersIn, type VariableValue } from "./render-template";

/** Problems with the placeholders of `requests` (setup steps, then the trigger, then steps), in the order met. */
export function checkReferences(requests: readonly FlowprintRequest[], variables: Readonly<Record<string, VariableValue>>, setupCount = 0): string[] {
  const where = (request: FlowprintRequest, index: number) => `${index < setupCount ? "setup" : index === setupCount ? "trigger" : "step"} ${request.id}`;
  const problems: string[] = [];
  const earlier = new Set<string>();
  const allIds = new Set(requests.map((r) => r.id));
  requests.forEach((request, index) => {
    const expressions = new Set([...placeholdersIn(request.url), ...placeholdersIn(request.headers ?? {}), ...placeholdersIn(request.body)]);
    for (const expression of expressions) {
      if (Object.hasOwn(variables, expression)) continue;
      const reference = parseResponseReference(expression);
      if (reference && earlier.has(reference.requestId)) {
        if ("error" in reference) problems.push(`${where(request, index)}: ${reference.error}`);
        continue;
      }
      if (reference && allIds.has(reference.requestId)) {
        problems.push(`${where(request, index)}: {{${expression}}} uses the response of ${reference.requestId}, which is not sent before it`);
      } else {
        problems.push(`${where(request, index)}: unknown variable {{${expression}}}`);
      }
    }
    earlier.add(request.id);
  });
  return problems;
}
