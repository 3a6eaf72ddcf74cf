"use client";

import type { ReactElement } from "react";
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatCount, formatPercent } from "@/lib/format/format-number";
import { formatDuration } from "@/lib/format/format-time";
import { useIsDark } from "@/lib/ui/use-is-dark";
import { axisDuration, axisUsd, chartPalette, timeTick, tooltipTime } from "@/components/ui/chart-theme";
import { formatUsd } from "@/lib/format/format-usd";
import type { LlmUsageResponse } from "./llm-types";
import { modelLabel, type ModelColours } from "./model-colours";
import { timeAxis } from "@/lib/ui/time-axis";
import { usageSeries, type ModelPoint, type UsagePoint } from "@/lib/ui/usage-series";

/** More lines than this turn a chart into a tangle; the model filter shows any one model alone. */
export const MAX_CHARTED_MODELS = 6;

type Metric = keyof ModelPoint;

const Y_AXIS_WIDTH = 84;

interface LineSpec {
  metric: Metric;
  /** Dashed: the secondary line of a model (its p50 beside its p95). */
  dashed?: boolean;
  suffix?: string;
}

/** Calls, tokens, cost, latency and error rate over the range, one line per model. */
export function LlmCharts({ usage, colours }: { usage: LlmUsageResponse; colours: ModelColours }) {
  const dark = useIsDark();
  const palette = chartPalette(dark);
  const models = usage.models.slice(0, MAX_CHARTED_MODELS).map((m) => m.model);
  const points = usageSeries(usage, models);
  const tick = timeTick(usage.to - usage.from);
  // Every chart spans the whole range (from its first bucket) with the same ticks, so they line up and read alike.
  const axis = timeAxis(points[0]?.ms ?? usage.from, usage.to, { maxTicks: 5, offsetMs: -new Date(usage.to).getTimezoneOffset() * 60_000 });
  const worst = (metric: Metric) => Math.max(0, ...points.flatMap((p) => p.models.map((m) => m[metric] ?? 0)));

  const chart = (lines: LineSpec[], format: (v: number) => string, axisFormat: (v: number) => string, y: { integers?: boolean; domain?: [number, (max: number) => number] } = {}) => (
    <LineChart data={points} margin={{ top: 4, right: 8, bottom: 0, left: -8 }}>
      <CartesianGrid vertical={false} stroke={palette.grid} />
      <XAxis dataKey="ms" type="number" scale="time" domain={axis.domain} ticks={axis.ticks} interval={0} tickFormatter={tick} tick={{ fill: palette.tick, fontSize: 11 }} tickLine={false} axisLine={{ stroke: palette.grid }} />
      {/* One width for every y axis: the plots then start and end at the same x. */}
      <YAxis tickFormatter={axisFormat} domain={y.domain} allowDecimals={!y.integers} tick={{ fill: palette.tick, fontSize: 11 }} tickLine={false} axisLine={false} width={Y_AXIS_WIDTH} />
      <Tooltip
        cursor={{ stroke: palette.cursor }}
        contentStyle={palette.tooltip}
        labelStyle={{ color: palette.tick, marginBottom: 2 }}
        labelFormatter={(ms) => tooltipTime(Number(ms))}
        formatter={(value, name) => [value === null || value === undefined ? "no calls" : format(Number(value)), name]}
      />
      {models.flatMap((model, i) =>
        lines.map((line) => (
          <Line
            key={`${model}-${line.metric}`}
            name={`${modelLabel(model)}${line.suffix ? ` ${line.suffix}` : ""}`}
            dataKey={(point: UsagePoint) => point.models[i][line.metric]}
            type="monotone"
            stroke={colours(model)}
            strokeWidth={line.dashed ? 1.5 : 2}
            strokeDasharray={line.dashed ? "4 3" : undefined}
            // Latency and error rate exist only where calls were made; a dot keeps a lone bucket visible.
            dot={line.metric === "calls" || line.metric === "tokens" || line.metric === "costUsd" ? false : { r: 2, fill: colours(model), strokeWidth: 0 }}
            connectNulls
            isAnimationActive={false}
          />
        )),
      )}
    </LineChart>
  );

  return (
    <div className="space-y-3 p-4">
      {usage.models.length > MAX_CHARTED_MODELS ? (
        <p className="text-xs text-zinc-600 dark:text-zinc-400">
          The {MAX_CHARTED_MODELS} models with the most calls of {usage.models.length}; pick a model above to chart any other.
        </p>
      ) : null}
      <ul aria-label="Chart legend" className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-zinc-700 dark:text-zinc-300">
        {models.map((model) => (
          <li key={model} className="flex items-center gap-1.5">
            <span aria-hidden className="h-2 w-3 rounded-sm" style={{ backgroundColor: colours(model) }} />
            {modelLabel(model)}
          </li>
        ))}
      </ul>
      <div className="grid gap-x-6 gap-y-5 md:grid-cols-2 xl:grid-cols-3">
        <ChartFigure title="Calls" summary={`peak ${formatCount(worst("calls"))} per bucket`}>
          {chart([{ metric: "calls" }], formatCount, formatCount, { integers: true })}
        </ChartFigure>
        <ChartFigure title="Tokens (input + output)" summary={`peak ${formatCount(worst("tokens"))} per bucket`}>
          {chart([{ metric: "tokens" }], formatCount, formatCount, { integers: true })}
        </ChartFigure>
        <ChartFigure title="Estimated cost" summary={`peak ${formatUsd(worst("costUsd"))} per bucket`}>
          {chart([{ metric: "costUsd" }], formatUsd, axisUsd)}
        </ChartFigure>
        <ChartFigure title="Latency p95 and p50 (dashed)" summary={`worst p95 ${formatDuration(worst("p95"))}`} wide>
          {chart([{ metric: "p95", suffix: "p95" }, { metric: "p50", suffix: "p50", dashed: true }], formatDuration, axisDuration)}
        </ChartFigure>
        <ChartFigure title="Error rate" summary={`worst ${formatPercent(worst("errorRate"))}`}>
          {chart([{ metric: "errorRate" }], formatPercent, formatPercent, { domain: [0, (max) => Math.min(1, Math.max(0.05, max))] })}
        </ChartFigure>
      </div>
    </div>
  );
}

function ChartFigure({ title, summary, wide, children }: { title: string; summary: string; wide?: boolean; children: ReactElement }) {
  return (
    <figure className={`m-0 min-w-0 ${wide ? "xl:col-span-2" : ""}`} data-testid="llm-chart">
      <figcaption className="mb-2 flex items-baseline justify-between gap-2">
        <span className="text-xs font-medium text-zinc-700 dark:text-zinc-300">{title}</span>
        <span className="truncate text-[11px] text-zinc-500 dark:text-zinc-400">{summary}</span>
      </figcaption>
      <div className="h-44">
        <ResponsiveContainer width="100%" height="100%">
          {children}
        </ResponsiveContainer>
      </div>
    </figure>
  );
}
