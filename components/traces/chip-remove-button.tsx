/** The × that removes a filter chip; `hover` tints it like its chip. */
export function ChipRemoveButton({ label, onClick, hover, size = "h-6 w-6" }: { label: string; onClick: () => void; hover: string; size?: string }) {
  return (
    <button type="button" onClick={onClick} aria-label={label} title={label} className={`flex ${size} shrink-0 items-center justify-center rounded focus-visible:outline-2 focus-visible:outline-indigo-500 ${hover}`}>
      <svg viewBox="0 0 16 16" className="h-3 w-3" fill="none" stroke="currentColor" strokeWidth={1.75} strokeLinecap="round" aria-hidden>
        <path d="M4 4l8 8M12 4l-8 8" />
      </svg>
    </button>
  );
}
