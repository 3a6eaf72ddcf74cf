import type { GraphNodeType } from "@/lib/graph";

// One glyph per node type, so types differ by shape as well as by colour.
const PATHS: Record<GraphNodeType, React.ReactNode> = {
  service: (
    <>
      <rect x="3" y="4" width="18" height="7" rx="1.5" />
      <rect x="3" y="13" width="18" height="7" rx="1.5" />
      <path d="M7 7.5h.01M7 16.5h.01" strokeWidth="2.5" />
    </>
  ),
  api_endpoint: (
    <>
      <path d="M4 12h11" />
      <path d="m11 7 5 5-5 5" />
      <path d="M20 5v14" />
    </>
  ),
  database: (
    <>
      <ellipse cx="12" cy="5.5" rx="7.5" ry="2.5" />
      <path d="M4.5 5.5v13c0 1.4 3.4 2.5 7.5 2.5s7.5-1.1 7.5-2.5v-13" />
      <path d="M4.5 12c0 1.4 3.4 2.5 7.5 2.5s7.5-1.1 7.5-2.5" />
    </>
  ),
  topic: (
    <>
      <circle cx="12" cy="12" r="2" />
      <path d="M7.8 16.2a6 6 0 0 1 0-8.4M16.2 7.8a6 6 0 0 1 0 8.4" />
      <path d="M5 19a10 10 0 0 1 0-14M19 5a10 10 0 0 1 0 14" />
    </>
  ),
};

export function NodeTypeIcon({ type, className = "h-4 w-4" }: { type: GraphNodeType; className?: string }) {
  return (
    <svg viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" className={className} aria-hidden focusable="false">
      {PATHS[type]}
    </svg>
  );
}
