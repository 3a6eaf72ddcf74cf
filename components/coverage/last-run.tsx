import { RelativeTime } from "@/components/ui/relative-time";

/** When a run last happened, or that none did. */
export function LastRun({ iso, never = "never" }: { iso: string | null; never?: string }) {
  return iso === null ? <span className="text-zinc-500 dark:text-zinc-400">{never}</span> : <RelativeTime iso={iso} />;
}
