// What coverage.dropped says: the ratio before and after, and the endpoints that made it fall.
import type { EndpointCoverage } from "../diagnosis/compute-coverage";
import type { CoverageDrop } from "../diagnosis/detect-coverage-drop";
import type { WebhookEventFacts } from "./webhook-event";

const percent = (ratio: number) => `${Math.round(ratio * 1000) / 10}%`;
const endpointName = (e: Pick<EndpointCoverage, "service" | "method" | "route">) => `${e.service} ${e.method === null ? "" : `${e.method} `}${e.route}`;
const endpointData = (e: EndpointCoverage) => ({ service: e.service, method: e.method, route: e.route, risk: e.risk, flow_ids: e.flows });

/** How many endpoints the summary names before it says "and N more". */
const NAMED = 3;

function nameSome(endpoints: readonly EndpointCoverage[]): string {
  const named = endpoints.slice(0, NAMED).map(endpointName).join(", ");
  return endpoints.length > NAMED ? `${named} and ${endpoints.length - NAMED} more` : named;
}

export function describeCoverageDropped(input: { workspaceId: string; drop: CoverageDrop; windowDays: number; coveredCount: number; endpointCount: number }): WebhookEventFacts {
  const { drop } = input;
  const reasons = [
    ...(drop.newlyUncovered.length > 0 ? [`no passing run in ${input.windowDays} days for ${nameSome(drop.newlyUncovered)}`] : []),
    ...(drop.newEndpoints.length > 0 ? [`new and untested: ${nameSome(drop.newEndpoints)}`] : []),
  ];
  return {
    summary: `Test coverage fell from ${percent(drop.previousRatio)} to ${percent(drop.coverageRatio)} of endpoints${reasons.length > 0 ? `: ${reasons.join("; ")}` : ""}`,
    path: `/w/${encodeURIComponent(input.workspaceId)}/coverage`,
    data: {
      previous_ratio: drop.previousRatio,
      coverage_ratio: drop.coverageRatio,
      window_days: input.windowDays,
      covered_count: input.coveredCount,
      endpoint_count: input.endpointCount,
      // Riskiest first, as the coverage page lists them.
      newly_uncovered: drop.newlyUncovered.map(endpointData),
      new_endpoints: drop.newEndpoints.map(endpointData),
    },
  };
}
