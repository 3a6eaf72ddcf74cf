"use client";

import { useRouter } from "next/navigation";
import { useState, type CSSProperties } from "react";
import { CartesianGrid, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis, type ScatterShapeProps, type TooltipContentProps } from "recharts";
import type { TraceSummaryView } from "@/lib/api/traces.schemas";
import { formatDuration } from "@/lib/format/format-time";
import { useIsDark } from "@/lib/ui/use-is-dark";
import { axisDuration, chartPalette, timeTick } from "@/components/ui/chart-theme";
import { traceHref } from "./trace-links";
import { logDurationAxis, scatterPoints, scatterSummary, scatterTimeAxis, type ScatterPoint } from "./trace-scatter-model";

// The list's own colours: indigo bars, red for errors.
const OK_COLOUR = "#6366f1";
const ERROR_COLOUR = "#ef4444";

const WITH_SECONDS = new Intl.DateTimeFormat(undefined, { hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23" });
const WITH_MILLISECONDS = new Intl.DateTimeFormat(undefined, { hour: "2-digit", minute: "2-digit", second: "2-digit", fractionalSecondDigits: 3, hourCycle: "h23" });
const FULL = new Intl.DateTimeFormat(undefined, { month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23" });

/**
 * Duration over start time of the listed traces, Jaeger's scatter: errors red, others indigo;
 * hovering names a trace, clicking opens it. The picture is for the mouse; screen readers get a
 * summary, and the list below holds the same traces for the keyboard.
 */
export function TraceScatter({ workspaceId, traces, busy }: { workspaceId: string; traces: TraceSummaryView[]; busy: boolean }) {
  const router = useRouter();
  const palette = chartPalette(useIsDark());
  const [log, setLog] = useState(false);
  const points = scatterPoints(traces, log);
  const x = scatterTimeAxis(points, -new Date().getTimezoneOffset() * 60_000);
  const y = log ? logDurationAxis(points) : null;
  const tick = x.stepMs < 1000 ? (ms: number) => WITH_MILLISECONDS.format(ms) : x.stepMs < 60_000 ? (ms: number) => WITH_SECONDS.format(ms) : timeTick(x.domain[1] - x.domain[0]);
  const errors = points.filter((p) => p.hasError);
  const others = points.filter((p) => !p.hasError);

  const shape = (props: ScatterShapeProps) => {
    const point = props.payload as ScatterPoint;
    if (props.cx === undefined || props.cy === undefined) return <g />;
    const colour = point.hasError ? ERROR_COLOUR : OK_COLOUR;
    return (
      <circle
        cx={props.cx}
        cy={props.cy}
        r={props.isActive ? 6 : 4.5}
        fill={colour}
        fillOpacity={0.7}
        stroke={colour}
        strokeWidth={1}
        className="cursor-pointer"
        data-testid="trace-scatter-point"
        data-trace-id={point.traceId}
        onClick={() => router.push(traceHref(workspaceId, point.traceId))}
      />
    );
  };

  return (
    <section aria-labelledby="trace-scatter-title" data-testid="trace-scatter" className={`rounded-lg border border-zinc-200 bg-white px-4 pt-3 pb-2 shadow-sm transition-opacity dark:border-zinc-800 dark:bg-zinc-900 ${busy ? "opacity-60" : ""}`}>
      <div className="flex flex-wrap items-center justify-between gap-x-4 gap-y-1">
        <h2 id="trace-scatter-title" className="text-sm font-medium text-zinc-800 dark:text-zinc-200">
          Duration over time
        </h2>
        <div className="flex items-center gap-4 text-xs text-zinc-600 dark:text-zinc-400">
          <ul aria-label="Legend" className="flex gap-3">
            <li className="flex items-center gap-1.5">
              <span aria-hidden className="h-2 w-2 rounded-full" style={{ backgroundColor: OK_COLOUR }} />
              No errors
            </li>
            <li className="flex items-center gap-1.5">
              <span aria-hidden className="h-2 w-2 rounded-full" style={{ backgroundColor: ERROR_COLOUR }} />
              Errors
            </li>
          </ul>
          <label className="flex cursor-pointer items-center gap-1.5">
            <input type="checkbox" checked={log} onChange={(e) => setLog(e.target.checked)} className="h-3.5 w-3.5 accent-indigo-600" />
            Log scale
          </label>
        </div>
      </div>
      <p className="sr-only" data-testid="trace-scatter-summary">
        {scatterSummary(points, (ms) => FULL.format(ms))}
      </p>
      <div className="h-44" aria-hidden>
        <ResponsiveContainer width="100%" height="100%">
          <ScatterChart margin={{ top: 8, right: 24, bottom: 0, left: -8 }} accessibilityLayer={false}>
            <CartesianGrid stroke={palette.grid} />
            <XAxis
              type="number"
              dataKey="startMs"
              scale="time"
              domain={x.domain}
              ticks={x.ticks}
              interval={0}
              tickFormatter={tick}
              tick={{ fill: palette.tick, fontSize: 11 }}
              tickLine={false}
              axisLine={{ stroke: palette.grid }}
            />
            <YAxis
              type="number"
              dataKey="y"
              scale={log ? "log" : "linear"}
              domain={y ? y.domain : [0, "auto"]}
              ticks={y?.ticks}
              allowDataOverflow={log}
              tickFormatter={axisDuration}
              tick={{ fill: palette.tick, fontSize: 11 }}
              tickLine={false}
              axisLine={false}
              width={56}
            />
            <Tooltip cursor={{ stroke: palette.cursor, strokeDasharray: "3 3" }} content={(props: TooltipContentProps) => <PointTooltip {...props} style={palette.tooltip} muted={palette.tick} />} isAnimationActive={false} />
            <Scatter name="OK" data={others} shape={shape} isAnimationActive={false} />
            {/* Drawn last, so an error is never hidden behind an OK trace at the same spot. */}
            <Scatter name="Error" data={errors} shape={shape} isAnimationActive={false} />
          </ScatterChart>
        </ResponsiveContainer>
      </div>
    </section>
  );
}

function PointTooltip({ active, payload, style, muted }: TooltipContentProps & { style: CSSProperties; muted: string }) {
  const point = active ? (payload?.[0]?.payload as ScatterPoint | undefined) : undefined;
  if (!point) return null;
  return (
    <div style={{ ...style, padding: "6px 8px", maxWidth: 320 }}>
      <div className="font-medium break-words">{point.label}</div>
      <div className="tabular-nums">
        {formatDuration(point.durationMs)}
        {point.hasError ? <span className="ml-1.5 font-medium text-red-600 dark:text-red-400">error</span> : null}
      </div>
      <div style={{ color: muted }}>
        {FULL.format(point.startMs)} · click to open
      </div>
    </div>
  );
}
