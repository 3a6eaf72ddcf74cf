"use client";

import type { ModelDataFlowView } from "@/lib/api/model.types";
import { formatCount } from "@/lib/format/format-number";
import { EndpointRef } from "./endpoint-ref";
import type { ModelIndex } from "./model-index";

/**
 * "GET /api/v1/orders/:id takes path.id from POST /api/v1/orders body.id (12×, also across
 * traces)": the evidence that one endpoint's output feeds another's input.
 */
export function DataFlowSentence({ flow, index, onOpenEndpoint }: { flow: ModelDataFlowView; index: ModelIndex; onOpenEndpoint: (id: string) => void }) {
  return (
    <li className="text-sm leading-6 text-zinc-700 dark:text-zinc-300" data-testid="data-flow">
      <EndpointRef id={flow.consumer_endpoint_id} index={index} onOpen={onOpenEndpoint} /> takes <Field>{flow.consumed_at}</Field> from{" "}
      <EndpointRef id={flow.producer_endpoint_id} index={index} onOpen={onOpenEndpoint} /> <Field>{flow.produced_at}</Field>{" "}
      <span className="text-zinc-600 tabular-nums dark:text-zinc-400">
        ({formatCount(flow.count)}×{flow.across_traces ? ", also across traces" : ""})
      </span>
      <span className="ml-2 inline-block text-xs text-zinc-500 dark:text-zinc-400">
        e.g. <code className="font-mono break-all">{flow.example}</code>
      </span>
    </li>
  );
}

function Field({ children }: { children: string }) {
  return <code className="rounded bg-zinc-100 px-1 font-mono text-xs text-zinc-800 dark:bg-zinc-800 dark:text-zinc-200">{children}</code>;
}
