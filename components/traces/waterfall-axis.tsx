import { memo } from "react";
import { formatDuration } from "@/lib/format/format-time";
import { formatTick } from "./waterfall-model";
import { LABEL_GUTTER, WATERFALL_COLUMNS } from "./waterfall-row";

interface AxisProps {
  ticks: number[];
  axisMs: number;
}

/** The time axis above the rows: a label per tick, offsets from the trace's start. */
export const WaterfallAxis = memo(function WaterfallAxis({ ticks, axisMs }: AxisProps) {
  return (
    <div
      className="grid h-8 items-center border-b border-zinc-200 bg-zinc-50 text-[11px] font-medium text-zinc-500 [scrollbar-gutter:stable] overflow-y-hidden dark:border-zinc-800 dark:bg-zinc-900/80 dark:text-zinc-400"
      style={{ gridTemplateColumns: WATERFALL_COLUMNS }}
      aria-hidden
    >
      <div className="px-3 tracking-wide uppercase">Service · operation</div>
      <div className="relative h-full" style={{ marginRight: LABEL_GUTTER }}>
        {/* A tick too close to the end label would overlap it. */}
        {ticks
          .filter((t) => t / axisMs < 0.86)
          .map((t) => (
            <span key={t} className="absolute top-1/2 -translate-y-1/2 pl-1 whitespace-nowrap tabular-nums" style={{ left: `${(t / axisMs) * 100}%` }}>
              {formatTick(t)}
            </span>
          ))}
        <span className="absolute top-1/2 -translate-y-1/2 pl-1 whitespace-nowrap text-zinc-700 tabular-nums dark:text-zinc-200" style={{ left: "100%" }}>
          {formatDuration(axisMs)}
        </span>
      </div>
    </div>
  );
});

/** Vertical tick lines behind the bars, one layer for all rows. */
export const WaterfallGridlines = memo(function WaterfallGridlines({ ticks, axisMs, height }: AxisProps & { height: number }) {
  return (
    <div aria-hidden className="pointer-events-none absolute inset-x-0 top-0 grid" style={{ gridTemplateColumns: WATERFALL_COLUMNS, height }}>
      <div className="border-r border-zinc-200 dark:border-zinc-800" />
      <div className="relative" style={{ marginRight: LABEL_GUTTER }}>
        {[...ticks.slice(1), axisMs].map((t) => (
          <span key={t} className="absolute inset-y-0 w-px bg-zinc-100 dark:bg-zinc-800/70" style={{ left: `${(t / axisMs) * 100}%` }} />
        ))}
      </div>
    </div>
  );
});
