/** An explanation sentence, its `quoted` parts (node names, attributes) set as code. */
export function ExplanationText({ text }: { text: string }) {
  const parts = text.split(/`([^`]+)`/);
  return (
    <>
      {parts.map((part, i) =>
        i % 2 === 1 ? (
          <code key={i} className="rounded bg-zinc-100 px-1 py-px text-[0.85em] text-zinc-800 dark:bg-zinc-800 dark:text-zinc-200">
            {part}
          </code>
        ) : (
          part
        ),
      )}
    </>
  );
}
