// One line per outcome for the CLI and run reports.
import type { AssertionOutcome } from "./evaluate-assertion";

export function formatAssertionOutcome(outcome: AssertionOutcome): string {
  switch (outcome.status) {
    case "passed":
      return "passed";
    case "failed":
      return `failed: ${outcome.detail}`;
    case "inconclusive":
      return `inconclusive: ${outcome.reason}`;
  }
}
