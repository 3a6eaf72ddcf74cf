"use client";

const CHOICES = [1, 7, 14, 30, 90, 365];

/** The window of runs that count; empty: the workspace's own setting. */
export function WindowSelect({ value, workspaceDays, onChange }: { value: number | null; workspaceDays: number | null; onChange: (days: number | null) => void }) {
  const choices = value === null || CHOICES.includes(value) ? CHOICES : [...CHOICES, value].sort((a, b) => a - b);
  return (
    <label className="flex items-center gap-2 text-sm text-zinc-700 dark:text-zinc-300">
      Passing runs of the last
      <select
        value={value ?? ""}
        onChange={(e) => onChange(e.target.value === "" ? null : Number(e.target.value))}
        className="h-9 rounded-md border border-zinc-300 bg-white px-2 text-sm text-zinc-900 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100"
      >
        <option value="">{workspaceDays === null ? "workspace setting" : `${workspaceDays} days (workspace setting)`}</option>
        {choices.map((n) => (
          <option key={n} value={n}>
            {n} {n === 1 ? "day" : "days"}
          </option>
        ))}
      </select>
    </label>
  );
}
