/** `trace-<first 8 hex>.eval.yaml` for a trace's dataset; a slug of the name for a selection. */
export function evalDatasetFileName(traceIdOrName: string): string {
  if (/^[0-9a-f]{32}$/i.test(traceIdOrName)) return `trace-${traceIdOrName.slice(0, 8).toLowerCase()}.eval.yaml`;
  const slug = traceIdOrName
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 100);
  return `${slug || "dataset"}.eval.yaml`;
}
