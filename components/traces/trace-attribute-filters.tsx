"use client";

import { useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { formatAttributeFilter, parseAttributeFilter } from "@/lib/traces/trace-search-attribute";
import { ChipRemoveButton } from "./chip-remove-button";
import { describeAttributeFilter } from "./describe-attribute-filter";
import { CONTROL, controlTone, FieldMessage, LABEL } from "./trace-query-field";

const INPUT_ID = "trace-attribute-filter";

/**
 * Attribute filters as removable chips. The text is read as it is typed by the parser the server
 * uses, so its reason for refusing shows before anything is asked; Enter adds the filter in the
 * parser's own spelling, which the URL then keeps.
 */
export function TraceAttributeFilters({ attrs, serverError, onChange }: { attrs: string[]; serverError?: string; onChange: (attrs: string[]) => void }) {
  const [draft, setDraft] = useState("");
  const [insisted, setInsisted] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const parsed = draft.trim() === "" ? null : parseAttributeFilter(draft);

  const add = () => {
    setInsisted(true);
    if (!parsed?.ok) return;
    const text = formatAttributeFilter(parsed.filter);
    if (!attrs.includes(text)) onChange([...attrs, text]);
    setDraft("");
    setInsisted(false);
  };
  const remove = (attr: string) => {
    onChange(attrs.filter((a) => a !== attr));
    // The chip and its button go away: keep the keyboard in the field rather than at the page's top.
    input.current?.focus();
  };

  const refused = parsed !== null && !parsed.ok;
  const message = refused ? parsed.reason : parsed?.ok ? `Enter adds: ${describeAttributeFilter(parsed.filter)}.` : (serverError ?? "");
  const tone = (refused && insisted) || (parsed === null && serverError) ? "error" : "hint";
  return (
    <div className="flex min-w-0 flex-col gap-1">
      <label htmlFor={INPUT_ID} className={LABEL}>
        Attributes
      </label>
      <div className="flex flex-wrap items-center gap-2">
        <input
          ref={input}
          id={INPUT_ID}
          type="text"
          spellCheck={false}
          autoComplete="off"
          placeholder="key:value, key!=value or key exists"
          aria-describedby={`${INPUT_ID}-message`}
          aria-invalid={tone === "error" || undefined}
          value={draft}
          onChange={(e) => {
            setDraft(e.target.value);
            setInsisted(false);
          }}
          onBlur={() => setInsisted(draft.trim() !== "")}
          onKeyDown={(e) => {
            if (e.key === "Enter") {
              e.preventDefault();
              add();
            } else if (e.key === "Escape") {
              setDraft("");
            } else if (e.key === "Backspace" && draft === "" && attrs.length > 0) {
              onChange(attrs.slice(0, -1));
            }
          }}
          className={`${CONTROL} ${controlTone(tone === "error")} w-80 font-mono placeholder:font-sans`}
        />
        <Button className="h-9" onClick={add} disabled={!parsed?.ok}>
          Add
        </Button>
        {attrs.length > 0 ? (
          <ul aria-label="Attribute filters" className="flex flex-wrap gap-1.5">
            {attrs.map((attr) => (
              <AttributeChip key={attr} attr={attr} onRemove={() => remove(attr)} />
            ))}
          </ul>
        ) : null}
      </div>
      <FieldMessage id={`${INPUT_ID}-message`} tone={tone}>
        {message}
      </FieldMessage>
    </div>
  );
}

function AttributeChip({ attr, onRemove }: { attr: string; onRemove: () => void }) {
  // A chip from a shared link has not been through the input: say so if the parser refuses it.
  const parsed = parseAttributeFilter(attr);
  return (
    <li
      data-testid="attribute-chip"
      title={parsed.ok ? describeAttributeFilter(parsed.filter) : parsed.reason}
      className={`inline-flex h-7 max-w-72 items-center gap-0.5 rounded-md border pr-0.5 pl-2 font-mono text-xs ${
        parsed.ok
          ? "border-indigo-200 bg-indigo-50 text-indigo-950 dark:border-indigo-900 dark:bg-indigo-950/60 dark:text-indigo-100"
          : "border-red-300 bg-red-50 text-red-900 dark:border-red-800 dark:bg-red-950/60 dark:text-red-100"
      }`}
    >
      <span className="truncate">{attr}</span>
      {parsed.ok ? null : <span className="sr-only">(not a valid filter: {parsed.reason})</span>}
      <ChipRemoveButton label={`Remove attribute filter ${attr}`} onClick={onRemove} hover={parsed.ok ? "hover:bg-indigo-100 dark:hover:bg-indigo-900" : "hover:bg-red-100 dark:hover:bg-red-900"} />
    </li>
  );
}
