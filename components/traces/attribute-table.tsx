import { Fragment } from "react";
import { indentedJson, keySegments } from "@/lib/ui/attribute-text";
import { attributeEntries, formatAttributeValue, isPlainString } from "./format-attribute-value";

/** A key that wraps after its dots and underscores, never inside a word. */
function AttributeKey({ name }: { name: string }) {
  return (
    <>
      {keySegments(name).map((segment, i) => (
        <Fragment key={i}>
          {segment}
          <wbr />
        </Fragment>
      ))}
    </>
  );
}

function AttributeValue({ value }: { value: unknown }) {
  const json = typeof value === "string" ? indentedJson(value) : null;
  // Indented JSON wraps at its own line breaks; only a single unbreakable token (a long URL or
  // id) may still break mid-word, and only where the panel leaves no other choice.
  if (json !== null) return <pre className="font-mono text-[11px] leading-snug whitespace-pre-wrap [overflow-wrap:anywhere]">{json}</pre>;
  return <span className={`whitespace-pre-wrap [overflow-wrap:anywhere] ${isPlainString(value) ? "" : "font-mono"}`}>{formatAttributeValue(value)}</span>;
}

/** Key/value rows of an attribute map; `label` names the table for screen readers. */
export function AttributeTable({ attributes, label, dropped = 0 }: { attributes: unknown; label: string; dropped?: number }) {
  const entries = attributeEntries(attributes);
  if (entries.length === 0 && dropped === 0) return <p className="text-xs text-zinc-500 dark:text-zinc-400">None.</p>;
  return (
    <div>
      <table className="w-full table-fixed text-xs" aria-label={label}>
        <tbody>
          {entries.map(([key, value]) => (
            <tr key={key} className="border-b border-zinc-100 align-top last:border-0 dark:border-zinc-800">
              <th scope="row" className="w-2/5 py-1 pr-2 text-left font-normal break-words text-zinc-500 dark:text-zinc-400">
                <AttributeKey name={key} />
              </th>
              <td className="py-1 text-zinc-900 dark:text-zinc-100">
                <AttributeValue value={value} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {dropped > 0 ? <p className="mt-1 text-xs text-amber-700 dark:text-amber-400">{dropped} more dropped by the sender.</p> : null}
    </div>
  );
}
