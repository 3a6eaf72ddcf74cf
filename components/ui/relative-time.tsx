"use client";

import { formatRelativeTime, formatUtcMinute } from "@/lib/format/format-time";
import { useNow } from "@/lib/ui/use-now";

/**
 * "3 min ago", kept current. The server and the hydrating browser render the UTC minute instead:
 * their clocks disagree by however long the page took, so relative text would differ.
 */
export function RelativeTime({ iso }: { iso: string }) {
  const now = useNow();
  return (
    <time dateTime={iso} title={formatUtcMinute(iso)}>
      {now === null ? formatUtcMinute(iso) : formatRelativeTime(iso, now)}
    </time>
  );
}
