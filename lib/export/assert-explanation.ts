// A variant explanation ("`POST /loyalty/points` is called only when `customer.tier = gold`")
// as trace_assert expressions, both ways: the value implies the branch, and the branch implies
// the value. Either alone lets a regression through: the first misses a call made for everyone,
// the second a call no longer made for gold customers.
import type { VariantExplanation } from "../drift/explain-variants";
import type { Attributes } from "../otlp/span";
import { nodePresentExpression } from "./node-presence";
import { attributeAccess, equalsText, literalLike, quoteText } from "./trace-assert-text";

export interface EntrySpanIdentity {
  entryService: string;
  entryOperation: string;
}

/**
 * The entry span's `attribute = value` as explanations read it: the span's own attribute, else
 * its resource's (lib/drift/entry-attributes). `recorded` are the representative entry span's
 * attributes: a key found there is compared with the value's recorded type; otherwise it came
 * from the resource, whose type is not at hand, and either reading of the text is accepted.
 */
export function entryValueExpression(entry: EntrySpanIdentity, attribute: string, value: string, recorded: Attributes): string {
  const own = Object.hasOwn(recorded, attribute) ? literalLike(value, recorded[attribute]) : undefined;
  const comparison = own !== undefined ? `${attributeAccess(attribute)} == ${own}` : equalsText(attributeAccess(attribute, "resource"), value);
  // Not trace.root: in a test run the root is the runner's span, which validation leaves out.
  return `trace.spans | any(.service == ${quoteText(entry.entryService)} and .name == ${quoteText(entry.entryOperation)} and ${comparison})`;
}

/** The two implications that state `explanation` for a run of the variant it belongs to. */
export function explanationAssertions(entry: EntrySpanIdentity, explanation: Pick<VariantExplanation, "node" | "effect" | "attribute" | "value">, recorded: Attributes): [string, string] {
  const condition = entryValueExpression(entry, explanation.attribute, explanation.value, recorded);
  const present = nodePresentExpression(explanation.node);
  const branch = explanation.effect === "called" ? present : `not (${present})`;
  return [`${condition} implies ${branch}`, `${branch} implies ${condition}`];
}
