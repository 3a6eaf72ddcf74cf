// What the model could not see, said as a warning rather than guessed.

export function Notes({ notes, label }: { notes: string[]; label: string }) {
  if (notes.length === 0) return null;
  return (
    <ul aria-label={label} className="space-y-1.5">
      {notes.map((note) => (
        <li key={note} className="flex gap-2 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:bg-amber-950/60 dark:text-amber-200" data-testid="model-note">
          <svg aria-hidden viewBox="0 0 20 20" className="mt-0.5 h-4 w-4 shrink-0" fill="none" stroke="currentColor" strokeWidth="1.8">
            <path d="M10 3l8 14H2L10 3z" strokeLinejoin="round" />
            <path d="M10 8v4M10 14.5v.5" strokeLinecap="round" />
          </svg>
          <span>{note}</span>
        </li>
      ))}
    </ul>
  );
}
