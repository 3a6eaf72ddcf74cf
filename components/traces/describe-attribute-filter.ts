import type { AttributeFilter } from "@/lib/traces/trace-search-attribute";

/** What a filter keeps, in words, so the user sees how the text was read before adding it. */
export function describeAttributeFilter(filter: AttributeFilter): string {
  if (filter.op === "exists") return `a span has ${filter.key}, any value`;
  const value = JSON.stringify(filter.value);
  return filter.op === "equals" ? `a span has ${filter.key} = ${value}` : `a span has ${filter.key}, not ${value}`;
}
