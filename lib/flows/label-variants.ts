// Variants of one entry point share its name (`api-gateway → POST /api/v1/orders`), so each gets
// a short label saying what sets it apart from the entry point's other variants, read off the
// paths: "+ loyalty", "without loyalty", "error". Labels are worked out on read, from the
// variants that exist now, because a new variant can change what tells the old ones apart.
//
// Rules:
// 1. A single variant needs no label (null).
// 2. Variants where most traces fail (error rate > 0.5), when some variants do not, are labelled
//    "error" first; each of the two groups, failing and not, then only needs telling apart
//    within itself, since "error" already sets the groups apart. A lone variant that does not
//    fail beside failing ones keeps the plain name.
// 3. Within a group, a label is a list of features that hold for the variant and fail for every
//    other variant of the group: a service called ("+ loyalty") or not ("without loyalty"), else
//    a node on the path or not ("+ POST /loyalty/points", "without db orders"). Features are
//    picked greedily: the one that tells the variant apart from the most remaining variants
//    first, then services before nodes, presence before absence, then by text (code-unit order).
// 4. A variant that needs more than MAX_FEATURES features, or that no feature tells apart (the
//    same nodes in another order), is labelled by its fingerprint's first hex digits, "#ac76",
//    as many as make it unique among the entry point's fingerprints (at least four).
// 5. Labels are unique within the entry point; should two texts still coincide (a service and a
//    topic of the same name), both fall back to rule 4.
import { nodeKey } from "../traces/node-key";
import type { PathNode } from "../traces/path-node";

export interface LabelableVariant {
  id: string;
  /** Lowercase hex SHA-256 of the path (lib/flows/compute-fingerprint). */
  fingerprint: string;
  path: readonly Pick<PathNode, "type" | "identifier" | "service">[];
  /** Share of the variant's traces with an error span, 0..1. */
  errorRate: number;
}

export const MAX_FEATURES = 3;
const FAILING_ERROR_RATE = 0.5;
const MIN_FINGERPRINT_DIGITS = 4;

interface Feature {
  text: string;
  /** 0: service, 1: node. Lower is preferred. */
  rank: number;
  present: boolean;
  /** The variants (indexes into the group) for which the feature holds. */
  holds: (index: number) => boolean;
}

/** id → label, null for an entry point's only variant. Input order does not matter. */
export function labelVariants(variants: readonly LabelableVariant[]): Map<string, string | null> {
  const labels = new Map<string, string | null>();
  if (variants.length <= 1) {
    for (const v of variants) labels.set(v.id, null);
    return labels;
  }
  const failing = variants.filter((v) => v.errorRate > FAILING_ERROR_RATE);
  const groups = failing.length === 0 || failing.length === variants.length ? [variants] : [failing, variants.filter((v) => v.errorRate <= FAILING_ERROR_RATE)];
  const splitByErrors = groups.length === 2;

  for (const group of groups) {
    const features = groupFeatures(group);
    group.forEach((variant, index) => {
      const prefix = splitByErrors && variant.errorRate > FAILING_ERROR_RATE ? ["error"] : [];
      const picked = distinguish(index, group.length, features);
      const parts = picked === null ? [...prefix, fingerprintTag(variant, variants)] : [...prefix, ...picked.map((f) => f.text)];
      labels.set(variant.id, parts.length === 0 ? null : parts.join(", "));
    });
  }

  // Rule 5: a label shared by two variants tells nothing; the fingerprint always does.
  const seen = new Map<string, number>();
  for (const label of labels.values()) if (label !== null) seen.set(label, (seen.get(label) ?? 0) + 1);
  for (const variant of variants) {
    const label = labels.get(variant.id);
    if (label != null && seen.get(label)! > 1) labels.set(variant.id, fingerprintTag(variant, variants));
  }
  return labels;
}

/** The name a variant is shown under: `"<entry name> · <label>"`, or the entry name alone. */
export function variantDisplayName(entryName: string, label: string | null): string {
  return label === null ? entryName : `${entryName} · ${label}`;
}

/** The shortest "#" + fingerprint prefix (at least four digits) no other variant shares. */
export function fingerprintTag(variant: Pick<LabelableVariant, "fingerprint">, variants: readonly Pick<LabelableVariant, "fingerprint">[]): string {
  const others = variants.map((v) => v.fingerprint).filter((f) => f !== variant.fingerprint);
  let digits = MIN_FINGERPRINT_DIGITS;
  while (digits < variant.fingerprint.length && others.some((f) => f.startsWith(variant.fingerprint.slice(0, digits)))) digits++;
  return `#${variant.fingerprint.slice(0, digits)}`;
}

/** Every service and node feature that holds for some variants of the group and not others. */
function groupFeatures(group: readonly LabelableVariant[]): Feature[] {
  const services = group.map((v) => new Set(v.path.map((n) => n.service)));
  const nodes = group.map((v) => new Set(v.path.map((n) => nodeKey(n))));
  const features: Feature[] = [];
  const addPair = (text: string, rank: number, holds: (index: number) => boolean) => {
    let count = 0;
    for (let i = 0; i < group.length; i++) if (holds(i)) count++;
    if (count === 0 || count === group.length) return;
    features.push({ text: `+ ${text}`, rank, present: true, holds });
    features.push({ text: `without ${text}`, rank, present: false, holds: (i) => !holds(i) });
  };
  for (const service of [...new Set(services.flatMap((s) => [...s]))].sort(compareText)) {
    addPair(service, 0, (i) => services[i].has(service));
  }
  const byKey = new Map<string, Pick<PathNode, "type" | "identifier">>();
  for (const v of group) for (const n of v.path) byKey.set(nodeKey(n), n);
  for (const key of [...byKey.keys()].sort(compareText)) {
    addPair(describeNode(byKey.get(key)!), 1, (i) => nodes[i].has(key));
  }
  return features;
}

/** Greedy cover of the group's other variants by features that hold for `index` (rule 3); null when rule 4 applies. */
function distinguish(index: number, size: number, features: readonly Feature[]): Feature[] | null {
  const remaining = new Set<number>();
  for (let i = 0; i < size; i++) if (i !== index) remaining.add(i);
  const usable = features.filter((f) => f.holds(index));
  const picked: Feature[] = [];
  while (remaining.size > 0) {
    let best: Feature | null = null;
    let bestCount = 0;
    for (const feature of usable) {
      let count = 0;
      for (const other of remaining) if (!feature.holds(other)) count++;
      if (count > bestCount || (count === bestCount && count > 0 && best !== null && preferred(feature, best))) {
        best = feature;
        bestCount = count;
      }
    }
    if (best === null || picked.length === MAX_FEATURES) return null;
    picked.push(best);
    for (const other of [...remaining]) if (!best.holds(other)) remaining.delete(other);
  }
  return picked;
}

function preferred(a: Feature, b: Feature): boolean {
  if (a.rank !== b.rank) return a.rank < b.rank;
  if (a.present !== b.present) return a.present;
  return compareText(a.text, b.text) < 0;
}

function describeNode(node: Pick<PathNode, "type" | "identifier">): string {
  return node.type === "database" ? `db ${node.identifier}` : node.identifier;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
