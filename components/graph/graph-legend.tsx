import { coverageLabel, CoverageIcon } from "@/components/coverage/coverage-badge";
import { NODE_TYPE_STYLE } from "@/components/ui/badges";
import type { GraphEdgeKind, GraphNodeType } from "@/lib/graph";
import { NodeTypeIcon } from "./node-type-icon";
import { EDGE_KIND_STYLE } from "./traffic-edge";
import type { GraphView } from "./view-graph";

const EDGE_KINDS: { kind: GraphEdgeKind; label: string; endpointOnly?: boolean }[] = [
  { kind: "calls", label: "calls" },
  { kind: "exposes", label: "exposes", endpointOnly: true },
  { kind: "reads", label: "reads" },
  { kind: "writes", label: "writes" },
  { kind: "publishes", label: "publishes, consumes" },
];

/** Outside the canvas, so it never covers a node. */
export function GraphLegend({ view }: { view: GraphView }) {
  const types: GraphNodeType[] = view === "service" ? ["service", "database", "topic"] : ["service", "api_endpoint", "database", "topic"];
  return (
    <div className="fp-graph flex flex-wrap items-center gap-x-4 gap-y-1.5 text-[11px] text-zinc-600 dark:text-zinc-400" aria-label="Legend" role="group">
      <ul className="flex flex-wrap items-center gap-x-3 gap-y-1">
        {types.map((type) => (
          <li key={type} className="flex items-center gap-1">
            <span className={`flex h-4 w-4 items-center justify-center rounded ${NODE_TYPE_STYLE[type].badge}`}>
              <NodeTypeIcon type={type} className="h-3 w-3" />
            </span>
            {NODE_TYPE_STYLE[type].label}
          </li>
        ))}
      </ul>
      <span aria-hidden className="h-3 w-px bg-zinc-300 dark:bg-zinc-700" />
      <ul className="flex flex-wrap items-center gap-x-3 gap-y-1">
        {EDGE_KINDS.filter((k) => view === "endpoint" || !k.endpointOnly).map(({ kind, label }) => (
          <li key={kind} className="flex items-center gap-1">
            <svg width="18" height="8" aria-hidden>
              <line x1="1" y1="4" x2="17" y2="4" strokeWidth="2" strokeDasharray={EDGE_KIND_STYLE[kind].dash} className={EDGE_KIND_STYLE[kind].className} />
            </svg>
            {label}
          </li>
        ))}
        <li className="flex items-center gap-1">
          <svg width="18" height="8" aria-hidden>
            <line x1="1" y1="4" x2="17" y2="4" strokeWidth="2" className="fp-edge-error" />
          </svg>
          with errors
        </li>
      </ul>
      <span aria-hidden className="h-3 w-px bg-zinc-300 dark:bg-zinc-700" />
      <ul className="flex flex-wrap items-center gap-x-3 gap-y-1" aria-label="Test coverage" data-testid="coverage-legend">
        {(["covered", "partial", "uncovered"] as const).map((mark) => (
          <li key={mark} className="flex items-center gap-1">
            <CoverageIcon mark={mark} />
            tests: {coverageLabel(mark)}
          </li>
        ))}
      </ul>
      <span>Hover or focus an edge for its calls, errors and p95.</span>
    </div>
  );
}
