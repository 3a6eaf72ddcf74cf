import type { DriftAlert } from "./drift-types";

const SHOWN = 3;

/** What changed in a path, at a glance: "+ fraud", "− loyalty", "↕ orders". */
export function PathChangeSummary({ diff }: { diff: DriftAlert["diff"] }) {
  const changes = [
    ...diff.added.map((c) => ({ sign: "+", label: "added", node: c.node, tone: "bg-emerald-50 text-emerald-800 ring-emerald-600/20 dark:bg-emerald-950/60 dark:text-emerald-300 dark:ring-emerald-400/30" })),
    ...diff.removed.map((c) => ({ sign: "−", label: "removed", node: c.node, tone: "bg-red-50 text-red-800 ring-red-600/20 dark:bg-red-950/60 dark:text-red-300 dark:ring-red-400/30" })),
    ...diff.moved.map((c) => ({ sign: "↕", label: "moved", node: c.node, tone: "bg-amber-50 text-amber-800 ring-amber-600/20 dark:bg-amber-950/60 dark:text-amber-300 dark:ring-amber-400/30" })),
  ];
  if (changes.length === 0) return null;
  return (
    <ul className="flex flex-wrap items-center gap-1" aria-label="Path changes">
      {changes.slice(0, SHOWN).map((c, i) => (
        <li key={i} className={`inline-flex max-w-56 items-center gap-1 rounded px-1.5 py-0.5 font-mono text-[11px] ring-1 ring-inset ${c.tone}`} title={`${c.label}: ${c.node.type} ${c.node.identifier}`}>
          <span aria-hidden>{c.sign}</span>
          <span className="sr-only">{c.label}:</span>
          <span className="truncate">{c.node.identifier}</span>
        </li>
      ))}
      {changes.length > SHOWN ? <li className="text-xs text-zinc-500 dark:text-zinc-400">and {changes.length - SHOWN} more</li> : null}
    </ul>
  );
}
