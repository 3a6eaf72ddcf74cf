"use client";

import { formatUtcMinute } from "@/lib/format/format-time";
import { useHydrated } from "@/lib/ui/use-hydrated";

// To the second: two "search further back" bounds are often within the same minute.
const LOCAL = new Intl.DateTimeFormat(undefined, { month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23" });

/** An instant in the viewer's time zone; the UTC minute until hydrated (the server knows no zone). */
export function LocalTime({ iso }: { iso: string }) {
  const hydrated = useHydrated();
  const ms = /^\d+$/.test(iso) ? Number(iso) : Date.parse(iso);
  if (!Number.isFinite(ms)) return <span>{iso}</span>;
  const at = new Date(ms).toISOString();
  return (
    <time dateTime={at} title={formatUtcMinute(at)}>
      {hydrated ? LOCAL.format(ms) : formatUtcMinute(at)}
    </time>
  );
}
