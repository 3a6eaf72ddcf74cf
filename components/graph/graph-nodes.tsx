"use client";

import { Handle, Position, type NodeProps } from "@xyflow/react";
import { memo, type ReactNode } from "react";
import { NODE_TYPE_STYLE } from "@/components/ui/badges";
import type { GraphNodeType } from "@/lib/graph";
import { formatCount } from "./format-count";
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

function NodeFrame({ data, selected, title, subtitle }: Pick<NodeProps<GraphFlowNode>, "data" | "selected"> & { title: ReactNode; subtitle: string }) {
  const style = NODE_TYPE_STYLE[data.type];
  const { errorsIn, callsIn } = data.traffic;
  return (
    <div
      className={`fp-node-frame flex h-full w-full items-center gap-2.5 bg-white px-2.5 shadow-sm transition-shadow dark:bg-zinc-900 ${SHAPE[data.type]} ${style.border} ${
        selected ? "shadow-md ring-2 ring-indigo-500 ring-offset-2 ring-offset-white dark:ring-indigo-400 dark:ring-offset-zinc-950" : "hover:shadow-md"
      }`}
      title={`${data.label}\n${subtitle}\n${callsIn} calls in, ${errorsIn} errors`}
    >
      <Handle type="target" position={Position.Left} isConnectable={false} className={HANDLE} />
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
      <Handle type="source" position={Position.Right} isConnectable={false} className={HANDLE} />
    </div>
  );
}

// Memoised: React Flow re-renders a node when its wrapper changes (highlight classes), and the
// contents only need to follow data and selection.
const ServiceNode = memo(function ServiceNode({ data, selected }: NodeProps<GraphFlowNode>) {
  const { callsIn, callsOut } = data.traffic;
  return <NodeFrame data={data} selected={selected} title={data.label} subtitle={`service · ${formatCount(callsIn)} in · ${formatCount(callsOut)} out`} />;
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
  return <NodeFrame data={data} selected={selected} title={title} subtitle={`endpoint of ${data.service}`} />;
});

const DatabaseNode = memo(function DatabaseNode({ data, selected }: NodeProps<GraphFlowNode>) {
  return <NodeFrame data={data} selected={selected} title={data.label} subtitle={`database · used by ${data.service}`} />;
});

const TopicNode = memo(function TopicNode({ data, selected }: NodeProps<GraphFlowNode>) {
  return <NodeFrame data={data} selected={selected} title={data.label} subtitle={`topic · from ${data.service}`} />;
});

/** Module-level so React Flow sees one object for the page's lifetime. */
export const GRAPH_NODE_TYPES = { service: ServiceNode, api_endpoint: EndpointNode, database: DatabaseNode, topic: TopicNode };

/** MiniMap fill per type: the 500 shades of NODE_TYPE_STYLE's dots. */
export const MINIMAP_COLOR: Record<GraphNodeType, string> = { service: "#6366f1", api_endpoint: "#10b981", database: "#f59e0b", topic: "#d946ef" };
