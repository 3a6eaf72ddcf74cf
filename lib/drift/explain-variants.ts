// Why does one entry point have several variants? Looks for an attribute of the entry span (or
// its resource) whose value decides whether a node is on the path, and states it with its
// support: "`loyalty` is called only when `customer.tier = gold` (60 of 60 sampled traces)".
//
// Rules:
// 1. A node (by nodeKey) explains something only if some variants have it and others don't.
//    Nodes that occur in exactly the same variants split the traces the same way, so they are
//    one branch, named by the node that comes earliest in a path (the call that was decided,
//    not its consequences; ties by nodeKey). Traces then split into with-X and without-X.
// 2. "called" describes the with-X side, "skipped" the without-X side. For a side S and each
//    key=value in the sample: support = |S ∧ key=v|, of = |S|, recall = support / of,
//    precision = support / |key=v|. Both must reach their threshold (default 0.9), and support
//    must reach minSupport (default 3). A missing key matches no value.
// 3. The value must also be rare on the other side: at most 1 − minPrecision of its traces may
//    carry it. Precision alone lets a constant attribute (`service.name`) through whenever one
//    side dominates the sample, which is the usual case (a rare variant next to the main one).
// 4. Keys with more than maxDistinctValues (default 20) distinct values across the sample are
//    ids or timestamps and are ignored.
// 5. Per branch and side, the best statement wins: highest F1 of precision and recall, then
//    higher support, then key, then value (code-unit order, so no locale can change it).
// 6. The winner is attached to every variant on its side, so effect "called" means the variant
//    has the node and "skipped" that it lacks it. The counts attached are the variant's own
//    (its sampled traces with the value, of its sampled traces), not the side's: a variant shown
//    with its trace count must not read "152 of 152" beside its 143. Each side is judged on
//    its own: "called only when tier = gold" says nothing usable about the variant without the
//    node when its traces are silver or bronze, and a new variant that drops a node gets its
//    own "skipped when" statement when there is one.
// 7. Output: by variantId, then strongest first (F1, support), then nodeKey. Counting is
//    order-independent, so reordering variants or traces never changes the result. Nothing
//    separates a single variant, nor variants with the same set of nodes: [].

import { nodeKey } from "../traces/node-key";
import type { PathNode } from "../traces/path-node";

export interface VariantSample {
  id: string;
  path: readonly Pick<PathNode, "type" | "identifier">[];
  traces: readonly Readonly<Record<string, string>>[];
}

export interface VariantExplanation {
  variantId: string;
  /** the node that this statement is about, e.g. the `loyalty` service node */
  node: { type: PathNode["type"]; identifier: string };
  /** "called" = the node is present only when key=value; "skipped" = the node is absent only when key=value */
  effect: "called" | "skipped";
  attribute: string;
  value: string;
  /** this variant's sampled traces with `attribute = value` (support) among its sampled traces (of) */
  support: number;
  of: number;
  /** the sentence shown to users, e.g. "`loyalty` is called only when `customer.tier = gold` (60 of 60 sampled traces)" */
  text: string;
}

export interface ExplainVariantsOptions {
  minPrecision?: number;
  minRecall?: number;
  maxDistinctValues?: number;
  minSupport?: number;
}

interface Branch {
  node: VariantExplanation["node"];
  key: string;
  position: number;
  members: Set<number>;
}

interface Statement {
  attribute: string;
  value: string;
  support: number;
  of: number;
  /** F1 = 2·support / f1Denominator, kept as integers so ties are exact. */
  f1Denominator: number;
  /** Traces with the value, per variant. */
  perVariant: readonly number[];
}

export function explainVariants(variants: readonly VariantSample[], options: ExplainVariantsOptions = {}): VariantExplanation[] {
  const { minPrecision = 0.9, minRecall = 0.9, maxDistinctValues = 20, minSupport = 3 } = options;
  const branches = findBranches(variants);
  if (branches.length === 0) return [];

  const counts = countValues(variants, maxDistinctValues);
  const sizes = variants.map((v) => v.traces.length);
  const total = sizes.reduce((a, b) => a + b, 0);
  const found: { explanation: VariantExplanation; statement: Statement; key: string }[] = [];

  for (const branch of branches) {
    for (const effect of ["called", "skipped"] as const) {
      const onSide = variants.map((_, i) => branch.members.has(i) === (effect === "called"));
      const of = sizes.reduce((sum, size, i) => (onSide[i] ? sum + size : sum), 0);
      const others = total - of;
      if (of === 0 || others === 0) continue;

      let best: Statement | undefined;
      for (const [attribute, values] of counts) {
        if (values === null) continue;
        for (const [value, perVariant] of values) {
          let support = 0;
          let all = 0;
          for (let i = 0; i < perVariant.length; i++) {
            all += perVariant[i];
            if (onSide[i]) support += perVariant[i];
          }
          const elsewhere = all - support;
          if (support < Math.max(1, minSupport) || support / of < minRecall || support / all < minPrecision) continue;
          if ((others - elsewhere) / others < minPrecision) continue;
          const statement = { attribute, value, support, of, f1Denominator: of + all, perVariant };
          if (best === undefined || compareStatements(statement, best) < 0) best = statement;
        }
      }
      if (best === undefined) continue;

      const statement = best;
      variants.forEach((variant, i) => {
        if (!onSide[i]) return;
        const { attribute, value } = statement;
        const own = { support: statement.perVariant[i], of: sizes[i] };
        const text = sentence(branch.node, effect, { attribute, value, ...own });
        const explanation = { variantId: variant.id, node: branch.node, effect, attribute, value, ...own, text };
        found.push({ explanation, statement, key: branch.key });
      });
    }
  }

  found.sort(
    (a, b) =>
      compareText(a.explanation.variantId, b.explanation.variantId) ||
      compareStatements(a.statement, b.statement) ||
      compareText(a.key, b.key) ||
      compareText(a.explanation.text, b.explanation.text),
  );
  return found.map((f) => ({ ...f.explanation, node: { ...f.explanation.node } }));
}

/** Distinguishing nodes, one per distinct set of variants (rule 1). */
function findBranches(variants: readonly VariantSample[]): Branch[] {
  const nodes = new Map<string, Branch>();
  variants.forEach((variant, index) => {
    variant.path.forEach((node, position) => {
      const key = nodeKey(node);
      const seen = nodes.get(key);
      if (seen === undefined) {
        nodes.set(key, { node: { type: node.type, identifier: node.identifier }, key, position, members: new Set([index]) });
      } else {
        seen.members.add(index);
        seen.position = Math.min(seen.position, position);
      }
    });
  });

  const bySplit = new Map<string, Branch>();
  for (const branch of nodes.values()) {
    if (branch.members.size === variants.length) continue;
    const split = [...branch.members].sort((a, b) => a - b).join(",");
    const current = bySplit.get(split);
    if (current === undefined || branch.position < current.position || (branch.position === current.position && branch.key < current.key)) {
      bySplit.set(split, branch);
    }
  }
  return [...bySplit.values()];
}

/**
 * key → value → traces per variant, in one pass. A key is dropped (null) as soon as it shows one
 * value too many, so a request id costs maxDistinctValues + 1 entries, not one per trace.
 */
function countValues(variants: readonly VariantSample[], maxDistinctValues: number): Map<string, Map<string, number[]> | null> {
  const counts = new Map<string, Map<string, number[]> | null>();
  variants.forEach((variant, index) => {
    for (const trace of variant.traces) {
      for (const [key, value] of Object.entries(trace)) {
        let values = counts.get(key);
        if (values === null) continue;
        if (values === undefined) counts.set(key, (values = new Map()));
        let perVariant = values.get(value);
        if (perVariant === undefined) {
          if (values.size >= maxDistinctValues) {
            counts.set(key, null);
            continue;
          }
          values.set(value, (perVariant = new Array<number>(variants.length).fill(0)));
        }
        perVariant[index]++;
      }
    }
  });
  return counts;
}

/** Negative when a is the better statement (rule 5). */
function compareStatements(a: Statement, b: Statement): number {
  return (
    b.support * a.f1Denominator - a.support * b.f1Denominator ||
    b.support - a.support ||
    compareText(a.attribute, b.attribute) ||
    compareText(a.value, b.value)
  );
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function sentence(node: VariantExplanation["node"], effect: VariantExplanation["effect"], s: Pick<Statement, "attribute" | "value" | "support" | "of">): string {
  const verb = effect === "called" ? "is called only when" : "is skipped when";
  const statement = `\`${node.identifier}\` ${verb} \`${s.attribute} = ${s.value}\``;
  // A variant with no sampled trace (all deleted by retention) is on its side by its path alone.
  return s.of === 0 ? statement : `${statement} (${s.support} of ${s.of} sampled ${s.of === 1 ? "trace" : "traces"})`;
}
