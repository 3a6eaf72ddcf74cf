/** An explanation sentence, with its `backticked` names set as code. */
export function ExplanationText({ text }: { text: string }) {
  return (
    <>
      {text.split("`").map((part, i) =>
        i % 2 === 1 ? (
          <code key={i} className="rounded bg-zinc-100 px-1 py-px text-[0.92em] text-zinc-900 dark:bg-zinc-800 dark:text-zinc-100">
            {part}
          </code>
        ) : (
          part
        ),
      )}
    </>
  );
}
