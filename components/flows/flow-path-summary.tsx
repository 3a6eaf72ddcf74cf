import { NODE_TYPE_STYLE } from "@/components/ui/badges";
import type { PathNode } from "@/lib/traces/path-node";

/**
 * A path as compact text, each step dotted in its node type's colour. Variants of an entry point
 * share a name, so this is what tells them apart in a list.
 */
export function FlowPathSummary({ path, className = "" }: { path: PathNode[]; className?: string }) {
  const text = path.map((n) => n.identifier).join(" → ");
  // Variants often differ only at the end, so a path short of room wraps rather than truncates.
  return (
    <span className={`flex min-w-0 flex-wrap items-center gap-x-1 gap-y-0.5 text-xs whitespace-nowrap text-zinc-500 dark:text-zinc-400 ${className}`} title={text}>
      <span className="sr-only">Path: {text}</span>
      {path.map((node, i) => (
        <span key={`${i}-${node.type}-${node.identifier}`} aria-hidden className="flex shrink-0 items-center gap-1">
          {i > 0 ? <span className="text-zinc-400 dark:text-zinc-500">→</span> : null}
          <span className={`h-1.5 w-1.5 rounded-full ${NODE_TYPE_STYLE[node.type].dot}`} />
          <span className="max-w-40 truncate">{node.identifier}</span>
        </span>
      ))}
    </span>
  );
}
