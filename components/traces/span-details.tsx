"use client";

import Link from "next/link";
import { memo, type ReactNode } from "react";
import { CopyButton } from "@/components/ui/copy-button";
import { formatDuration } from "@/lib/format/format-time";
import { AttributeTable } from "./attribute-table";
import { looksLikeLlmSpan } from "./has-llm-spans";
import { ERROR_COLOR } from "./service-colors";
import { SpanConversation, useTraceLlmCalls } from "./span-conversation";
import type { WaterfallSpan } from "./waterfall-model";

interface SpanEventView {
  time_ns: string;
  name: string;
  attributes: unknown;
  dropped_attributes_count: number;
}

interface SpanLinkView {
  trace_id: string;
  span_id: string;
  trace_state: string;
  attributes: unknown;
  dropped_attributes_count: number;
}

const ATTACHMENT_NOTE: Record<string, string> = {
  orphan: "Its parent span never arrived, so it is shown under the root.",
  "extra-root": "A second span without a parent; shown under the trace's earliest root.",
  cycle: "Its parent link closed a loop and was cut; shown under the root.",
};

const asArray = <T,>(value: unknown): T[] => (Array.isArray(value) ? (value as T[]) : []);
const countOf = (value: unknown) => (value && typeof value === "object" ? Object.keys(value).length : 0);

function Section({ title, count, children }: { title: string; count?: number; children: ReactNode }) {
  return (
    <section className="border-t border-zinc-200 px-4 py-3 dark:border-zinc-800">
      <h3 className="mb-2 text-xs font-semibold tracking-wide text-zinc-500 uppercase dark:text-zinc-400">
        {title}
        {count === undefined ? null : <span className="ml-1.5 font-normal tabular-nums">({count})</span>}
      </h3>
      {children}
    </section>
  );
}

function IdRow({ label, value }: { label: string; value: string | null }) {
  return (
    <div className="flex items-center justify-between gap-2 py-0.5">
      <dt className="shrink-0 text-zinc-500 dark:text-zinc-400">{label}</dt>
      <dd className="flex min-w-0 items-center gap-1.5">
        {value ? (
          <>
            <code className="truncate text-[11px]">{value}</code>
            <CopyButton text={value} label={label.toLowerCase()} />
          </>
        ) : (
          <span className="text-zinc-500 dark:text-zinc-400">none (root)</span>
        )}
      </dd>
    </div>
  );
}

/** Everything one span carries: status, timing, ids, attributes, resource, events, links. */
export const SpanDetails = memo(function SpanDetails({ row, color, workspaceId, onClose }: { row: WaterfallSpan; color: string; workspaceId: string; onClose: () => void }) {
  const { span } = row;
  const events = asArray<SpanEventView>(span.events);
  const links = asArray<SpanLinkView>(span.links);
  const spanStart = BigInt(span.start_time_unix_nano);
  const headingId = `span-details-${span.span_id}`;
  const llmCalls = useTraceLlmCalls(workspaceId, span.trace_id, looksLikeLlmSpan(span.attributes));
  const llmCall = llmCalls.data?.calls.find((call) => call.span_id === span.span_id);
  const conversation = llmCall && llmCall.input.length + llmCall.output.length > 0 ? llmCall : undefined;
  return (
    <section
      aria-labelledby={headingId}
      data-testid="span-details"
      className="flex max-h-[calc(100vh-3rem)] flex-col overflow-hidden rounded-lg border border-zinc-200 bg-white shadow-sm dark:border-zinc-800 dark:bg-zinc-900"
    >
      <header className="flex items-start gap-2 px-4 py-3">
        <span aria-hidden className="mt-1.5 h-2.5 w-2.5 shrink-0 rounded-full" style={{ background: row.isError ? ERROR_COLOR : color }} />
        <div className="min-w-0 flex-1">
          <div className="text-xs text-zinc-500 dark:text-zinc-400">{span.service}</div>
          <h2 id={headingId} className="text-sm font-semibold break-words">
            {span.name}
          </h2>
        </div>
        <button
          type="button"
          onClick={onClose}
          aria-label="Close span details"
          className="rounded p-1 text-zinc-500 hover:bg-zinc-100 hover:text-zinc-900 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:text-zinc-400 dark:hover:bg-zinc-800 dark:hover:text-zinc-100"
        >
          <svg aria-hidden viewBox="0 0 16 16" className="h-4 w-4" fill="none" stroke="currentColor" strokeWidth="1.75">
            <path d="M4 4l8 8M12 4l-8 8" />
          </svg>
        </button>
      </header>

      <div className="overflow-y-auto">
        {row.isError ? (
          <div className="mx-4 mb-3 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-xs text-red-800 dark:border-red-900 dark:bg-red-950/60 dark:text-red-200" role="note">
            <span className="font-semibold">Error</span>
            {span.status_message ? `: ${span.status_message}` : " (no status message)"}
          </div>
        ) : null}

        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 px-4 pb-3 text-xs">
          <dt className="text-zinc-500 dark:text-zinc-400">Duration</dt>
          <dd className="tabular-nums">{formatDuration(row.durationMs)}</dd>
          <dt className="text-zinc-500 dark:text-zinc-400">Starts</dt>
          <dd className="tabular-nums">
            +{formatDuration(row.offsetMs)} <span className="text-zinc-500 dark:text-zinc-400">({span.start_time})</span>
          </dd>
          <dt className="text-zinc-500 dark:text-zinc-400">Kind</dt>
          <dd>{span.kind}</dd>
          <dt className="text-zinc-500 dark:text-zinc-400">Status</dt>
          <dd>
            {span.status}
            {span.status_message && !row.isError ? `: ${span.status_message}` : ""}
          </dd>
          {span.scope.name ? (
            <>
              <dt className="text-zinc-500 dark:text-zinc-400">Scope</dt>
              <dd className="break-all">
                {span.scope.name}
                {span.scope.version ? ` ${span.scope.version}` : ""}
              </dd>
            </>
          ) : null}
        </dl>

        {ATTACHMENT_NOTE[span.attachment] ? <p className="mx-4 mb-3 text-xs text-amber-700 dark:text-amber-400">{ATTACHMENT_NOTE[span.attachment]}</p> : null}

        <Section title="Ids">
          <dl className="text-xs">
            <IdRow label="Span ID" value={span.span_id} />
            <IdRow label="Parent span ID" value={span.parent_span_id} />
            <IdRow label="Trace ID" value={span.trace_id} />
          </dl>
        </Section>

        {conversation ? (
          <Section title="Conversation" count={conversation.input.length + conversation.output.length}>
            <SpanConversation call={conversation} />
          </Section>
        ) : null}

        <Section title="Attributes" count={countOf(span.attributes)}>
          <AttributeTable attributes={span.attributes} label="Span attributes" dropped={span.dropped_attributes_count} />
        </Section>

        <Section title="Resource" count={countOf(span.resource?.attributes)}>
          <AttributeTable attributes={span.resource?.attributes} label="Resource attributes" dropped={span.resource?.dropped_attributes_count ?? 0} />
        </Section>

        <Section title="Events" count={events.length}>
          {events.length === 0 ? (
            <p className="text-xs text-zinc-500 dark:text-zinc-400">None.</p>
          ) : (
            <ol className="space-y-2">
              {events.map((event, i) => (
                <li key={i} className="rounded-md border border-zinc-200 p-2 dark:border-zinc-800">
                  <div className="mb-1 flex items-baseline justify-between gap-2 text-xs">
                    <span className="font-medium">{event.name}</span>
                    <span className="text-zinc-500 tabular-nums dark:text-zinc-400">+{formatDuration(Number(BigInt(event.time_ns) - spanStart) / 1e6)}</span>
                  </div>
                  <AttributeTable attributes={event.attributes} label={`Attributes of event ${event.name}`} dropped={event.dropped_attributes_count} />
                </li>
              ))}
            </ol>
          )}
          {span.dropped_events_count > 0 ? <p className="mt-1 text-xs text-amber-700 dark:text-amber-400">{span.dropped_events_count} events dropped by the sender.</p> : null}
        </Section>

        <Section title="Links" count={links.length}>
          {links.length === 0 ? (
            <p className="text-xs text-zinc-500 dark:text-zinc-400">None.</p>
          ) : (
            <ol className="space-y-2">
              {links.map((link, i) => (
                <li key={i} className="rounded-md border border-zinc-200 p-2 text-xs dark:border-zinc-800">
                  <div className="mb-1 font-mono text-[11px] break-all">
                    {link.trace_id === span.trace_id ? (
                      <span>this trace</span>
                    ) : (
                      <Link className="text-indigo-700 underline dark:text-indigo-300" href={`/w/${encodeURIComponent(workspaceId)}/traces/${link.trace_id}`}>
                        trace {link.trace_id}
                      </Link>
                    )}{" "}
                    · span {link.span_id}
                  </div>
                  <AttributeTable attributes={link.attributes} label={`Attributes of link to span ${link.span_id}`} dropped={link.dropped_attributes_count} />
                </li>
              ))}
            </ol>
          )}
          {span.dropped_links_count > 0 ? <p className="mt-1 text-xs text-amber-700 dark:text-amber-400">{span.dropped_links_count} links dropped by the sender.</p> : null}
        </Section>
      </div>
    </section>
  );
});
