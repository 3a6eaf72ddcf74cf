"use client";

import type { GraphView } from "./view-graph";

const VIEWS: { view: GraphView; label: string; title: string }[] = [
  { view: "service", label: "Services", title: "One node per service, its endpoints inside" },
  { view: "endpoint", label: "Endpoints", title: "Every endpoint its own node" },
];

/** Services (the map of who calls whom) or endpoints (every route its own node). */
export function GraphViewSwitch({ view, onChange }: { view: GraphView; onChange: (view: GraphView) => void }) {
  return (
    <div role="group" aria-label="Graph view" className="inline-flex shrink-0 rounded-md border border-zinc-200 bg-white p-0.5 text-sm dark:border-zinc-700 dark:bg-zinc-900">
      {VIEWS.map((option) => (
        <button
          key={option.view}
          type="button"
          aria-pressed={view === option.view}
          title={option.title}
          onClick={() => onChange(option.view)}
          className={`rounded px-3 py-1 font-medium focus-visible:outline-2 focus-visible:outline-indigo-500 ${
            view === option.view ? "bg-indigo-600 text-white dark:bg-indigo-500" : "text-zinc-700 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800"
          }`}
        >
          {option.label}
        </button>
      ))}
    </div>
  );
}
