"use client";

import type { ReactElement } from "react";
import { Area, AreaChart, Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatCount, formatPercent } from "@/lib/format/format-number";
import { formatDuration } from "@/lib/format/format-time";
import { useIsDark } from "@/lib/ui/use-is-dark";
import type { HourlyView } from "./flow-types";
import { hourlySeries } from "./hourly-series";
import { axisDuration, chartPalette } from "@/components/ui/chart-theme";

const HOUR = new Intl.DateTimeFormat(undefined, { hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
const HOUR_AND_DAY = new Intl.DateTimeFormat(undefined, { month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23" });

/** Axis ticks have little room: "250ms", "1.5s". */

/** Volume, p95 and error rate per hour, side by side. */
export function FlowCharts({ hourly }: { hourly: HourlyView[] }) {
  const dark = useIsDark();
  const points = hourlySeries(hourly);
  if (points.length === 0) return <p className="px-4 py-6 text-sm text-zinc-500 dark:text-zinc-400">No hourly data yet.</p>;
  const colours = chartPalette(dark);
  const total = points.reduce((sum, p) => sum + p.count, 0);
  const worstP95 = Math.max(...points.map((p) => p.p95 ?? 0));
  const worstErrors = Math.max(...points.map((p) => p.errorRate ?? 0));
  const axes = (format: (v: number) => string, y: { integers?: boolean; domain?: [number, (dataMax: number) => number] } = {}) => (
    <>
      <CartesianGrid vertical={false} stroke={colours.grid} />
      <XAxis dataKey="ms" type="category" tickFormatter={(ms: number) => HOUR.format(ms)} tick={{ fill: colours.tick, fontSize: 11 }} tickLine={false} axisLine={{ stroke: colours.grid }} minTickGap={24} />
      <YAxis tickFormatter={format} domain={y.domain} tick={{ fill: colours.tick, fontSize: 11 }} tickLine={false} axisLine={false} width={56} allowDecimals={!y.integers} />
    </>
  );
  const tooltip = (name: string, format: (v: number) => string) => (
    <Tooltip
      cursor={{ fill: colours.cursor, stroke: colours.grid }}
      contentStyle={colours.tooltip}
      labelStyle={{ color: colours.tick, marginBottom: 2 }}
      labelFormatter={(ms) => HOUR_AND_DAY.format(Number(ms))}
      formatter={(value) => [value === null || value === undefined ? "no traffic" : format(Number(value)), name]}
    />
  );
  return (
    <div className="grid gap-4 p-4 md:grid-cols-3">
      <ChartFigure title="Occurrences per hour" summary={`${formatCount(total)} traces in ${points.length} hours`}>
        <BarChart data={points} margin={{ top: 4, right: 4, bottom: 0, left: -8 }}>
          {axes(formatCount, { integers: true })}
          {tooltip("Occurrences", formatCount)}
          <Bar dataKey="count" fill="#6366f1" radius={[2, 2, 0, 0]} maxBarSize={24} isAnimationActive={false} />
        </BarChart>
      </ChartFigure>
      <ChartFigure title="P95 duration per hour" summary={`worst hour ${formatDuration(worstP95)}`}>
        <AreaChart data={points} margin={{ top: 4, right: 4, bottom: 0, left: -8 }}>
          {axes(axisDuration)}
          {tooltip("P95", formatDuration)}
          <Area dataKey="p95" type="monotone" stroke="#0ea5e9" fill="#0ea5e9" fillOpacity={0.15} strokeWidth={2} dot={{ r: 2.5, fill: "#0ea5e9" }} connectNulls isAnimationActive={false} />
        </AreaChart>
      </ChartFigure>
      <ChartFigure title="Error rate per hour" summary={`worst hour ${formatPercent(worstErrors)}`}>
        <AreaChart data={points} margin={{ top: 4, right: 4, bottom: 0, left: -8 }}>
          {axes(formatPercent, { domain: [0, (max) => Math.min(1, Math.max(0.05, max))] })}
          {tooltip("Error rate", formatPercent)}
          <Area dataKey="errorRate" type="monotone" stroke="#ef4444" fill="#ef4444" fillOpacity={0.15} strokeWidth={2} dot={{ r: 2.5, fill: "#ef4444" }} connectNulls isAnimationActive={false} />
        </AreaChart>
      </ChartFigure>
    </div>
  );
}

function ChartFigure({ title, summary, children }: { title: string; summary: string; children: ReactElement }) {
  return (
    <figure className="m-0 min-w-0" data-testid="flow-chart">
      <figcaption className="mb-2 flex items-baseline justify-between gap-2">
        <span className="text-xs font-medium text-zinc-700 dark:text-zinc-300">{title}</span>
        <span className="truncate text-[11px] text-zinc-500 dark:text-zinc-400">{summary}</span>
      </figcaption>
      <div className="h-40">
        <ResponsiveContainer width="100%" height="100%">
          {children}
        </ResponsiveContainer>
      </div>
    </figure>
  );
}
