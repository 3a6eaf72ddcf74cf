"use client";

import { Handle, Position, type NodeProps } from "@xyflow/react";
import { memo, useId, useState, type ReactNode } from "react";
import { coverageLabel, CoverageIcon } from "@/components/coverage/coverage-badge";
import { NODE_TYPE_STYLE } from "@/components/ui/badges";
import type { GraphNodeType } from "@/lib/graph";
import { formatDuration } from "@/lib/format/format-time";
import { formatCount, plural } from "./format-count";
import type { GraphFlowNode } from "./graph-elements";
import { NodeTypeIcon } from "./node-type-icon";

// Each type keeps its colour (NODE_TYPE_STYLE) and gets its own outline: services are cards,
// endpoints pills, databases sit on a heavy base like a cylinder, topics have a dashed edge.
const SHAPE: Record<GraphNodeType, string> = {
  service: "rounded-lg border",
  api_endpoint: "rounded-full border pl-1.5",
  database: "rounded-md border border-b-4",
  topic: "rounded-md border border-dashed",
};

// Edges need handles to attach to; nothing is ever connected by hand, so they stay invisible.
const HANDLE = "opacity-0";

function NodeFrame({ data, selected, title, subtitle, footer }: Pick<NodeProps<GraphFlowNode>, "data" | "selected"> & { title: ReactNode; subtitle: string; footer?: ReactNode }) {
  const style = NODE_TYPE_STYLE[data.type];
  const { errors_in: errorsIn, calls_in: callsIn } = data.traffic;
  return (
    <div
      className={`fp-node-frame relative flex h-full w-full flex-col justify-center bg-white px-2.5 shadow-sm transition-shadow dark:bg-zinc-900 ${SHAPE[data.type]} ${style.border} ${
        selected ? "shadow-md ring-2 ring-indigo-500 ring-offset-2 ring-offset-white dark:ring-indigo-400 dark:ring-offset-zinc-950" : "hover:shadow-md"
      }`}
      title={`${data.label}\n${subtitle}\n${callsIn} calls in, ${errorsIn} errors${data.coverage ? `\ntests: ${coverageLabel(data.coverage)}` : ""}`}
    >
      <Handle type="target" position={Position.Left} isConnectable={false} className={HANDLE} />
      {data.coverage ? (
        // On the corner, so the mark never moves the card's contents; the node's label says it in words.
        <span className="fp-node-icon absolute -top-1.5 -right-1.5 rounded-full bg-white p-px dark:bg-zinc-900" data-testid="node-coverage" data-coverage={data.coverage}>
          <CoverageIcon mark={data.coverage} className="h-3.5 w-3.5" />
        </span>
      ) : null}
      <div className="flex min-w-0 items-center gap-2.5">
        <span className={`fp-node-icon flex h-8 w-8 shrink-0 items-center justify-center ${data.type === "api_endpoint" ? "rounded-full" : "rounded-md"} ${style.badge}`}>
          <NodeTypeIcon type={data.type} />
        </span>
        <span className="fp-node-text min-w-0 flex-1 leading-tight">
          <span className="block truncate text-[13px] font-medium text-zinc-900 dark:text-zinc-50">{title}</span>
          <span className="mt-0.5 block truncate text-[11px] text-zinc-600 dark:text-zinc-400">{subtitle}</span>
        </span>
        {errorsIn > 0 ? (
          <span className="fp-node-errors shrink-0 rounded-full bg-red-100 px-1.5 py-0.5 text-[10px] font-semibold tabular-nums text-red-700 dark:bg-red-950 dark:text-red-300">
            {formatCount(errorsIn)} err
          </span>
        ) : null}
      </div>
      {footer}
      <Handle type="source" position={Position.Right} isConnectable={false} className={HANDLE} />
    </div>
  );
}

function trafficLine(data: GraphFlowNode["data"]): string {
  const { calls_in: callsIn, calls_out: callsOut, p95_in_ms: p95 } = data.traffic;
  return `${formatCount(callsIn)} in · ${formatCount(callsOut)} out${p95 !== null && callsIn > 0 ? ` · p95 ${formatDuration(p95)}` : ""}`;
}

/**
 * A service's endpoints, folded into a count; unfolded, they hang below the card over the
 * canvas (the card keeps its size, so the layout never moves).
 */
function EndpointList({ data }: { data: GraphFlowNode["data"] }) {
  const [open, setOpen] = useState(false);
  const listId = useId();
  if (data.endpoints.length === 0) return <span className="fp-node-text mt-1 block pl-[42px] text-[11px] text-zinc-500 dark:text-zinc-400">no routes</span>;
  return (
    <div className={`fp-node-text mt-1 pl-[42px] ${open ? "fp-endpoints-open" : ""}`}>
      <button
        type="button"
        aria-expanded={open}
        aria-controls={listId}
        onClick={(e) => {
          // The card stays as it is: unfolding is not choosing the node.
          e.stopPropagation();
          setOpen((o) => !o);
        }}
        onKeyDown={(e) => e.stopPropagation()}
        className="nodrag nopan inline-flex items-center gap-1 rounded text-[11px] font-medium text-indigo-700 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-500 dark:text-indigo-300"
      >
        <span aria-hidden className={`inline-block transition-transform ${open ? "rotate-90" : ""}`}>
          ▸
        </span>
        {plural(data.endpoints.length, "endpoint", "endpoints")}
      </button>
      {open ? (
        <ul
          id={listId}
          aria-label={`Endpoints of ${data.label}`}
          className="nodrag nopan nowheel absolute top-full right-0 left-0 z-10 mt-1 max-h-60 cursor-default space-y-0.5 overflow-y-auto rounded-md border border-zinc-200 bg-white p-1.5 text-left shadow-lg dark:border-zinc-700 dark:bg-zinc-900"
          data-testid="node-endpoints"
          onClick={(e) => e.stopPropagation()}
        >
          {data.endpoints.map((endpoint) => (
            <li key={endpoint.id} className="rounded px-1 py-0.5">
              <span className="block truncate font-mono text-[11px] text-zinc-900 dark:text-zinc-100">{endpoint.label}</span>
              <span className="block text-[10px] text-zinc-600 tabular-nums dark:text-zinc-400">
                {plural(endpoint.call_count, "request", "requests")}
                {endpoint.p95_duration_ms !== null ? ` · p95 ${formatDuration(endpoint.p95_duration_ms)}` : ""}
                {endpoint.error_count > 0 ? <span className="font-semibold text-red-600 dark:text-red-400"> · {formatCount(endpoint.error_count)} err</span> : null}
              </span>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

// Memoised: React Flow re-renders a node when its wrapper changes (highlight classes), and the
// contents only need to follow data and selection.
const ServiceNode = memo(function ServiceNode({ data, selected }: NodeProps<GraphFlowNode>) {
  return <NodeFrame data={data} selected={selected} title={data.label} subtitle={trafficLine(data)} footer={data.view === "service" ? <EndpointList data={data} /> : null} />;
});

const EndpointNode = memo(function EndpointNode({ data, selected }: NodeProps<GraphFlowNode>) {
  // "POST /orders": the method as a chip, the route as the name.
  const space = data.label.indexOf(" ");
  const method = space > 0 && /^[A-Z]+$/.test(data.label.slice(0, space)) ? data.label.slice(0, space) : null;
  const title = method ? (
    <>
      <span className="mr-1 rounded bg-emerald-50 px-1 font-mono text-[10px] font-semibold text-emerald-800 dark:bg-emerald-950 dark:text-emerald-300">{method}</span>
      <span className="font-mono text-[12px]">{data.label.slice(space + 1)}</span>
    </>
  ) : (
    <span className="font-mono text-[12px]">{data.label}</span>
  );
  return <NodeFrame data={data} selected={selected} title={title} subtitle={`endpoint of ${data.service} · ${formatCount(data.traffic.calls_in)} in`} />;
});

const DatabaseNode = memo(function DatabaseNode({ data, selected }: NodeProps<GraphFlowNode>) {
  return <NodeFrame data={data} selected={selected} title={data.label} subtitle={`database · ${formatCount(data.traffic.calls_in)} calls`} />;
});

const TopicNode = memo(function TopicNode({ data, selected }: NodeProps<GraphFlowNode>) {
  return <NodeFrame data={data} selected={selected} title={data.label} subtitle={`topic · from ${data.service}`} />;
});

/** Module-level so React Flow sees one object for the page's lifetime. */
export const GRAPH_NODE_TYPES = { service: ServiceNode, api_endpoint: EndpointNode, database: DatabaseNode, topic: TopicNode };

/** MiniMap fill per type: the 500 shades of NODE_TYPE_STYLE's dots. */
export const MINIMAP_COLOR: Record<GraphNodeType, string> = { service: "#6366f1", api_endpoint: "#10b981", database: "#f59e0b", topic: "#d946ef" };
