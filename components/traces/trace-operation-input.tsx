"use client";

import { CONTROL, controlTone, FieldMessage, QueryField } from "./trace-query-field";
import { useDraft } from "./use-draft";

const INPUT_ID = "trace-operation-filter";

/**
 * A span name: the selected service's recent operations to pick from, or any text (an operation
 * not seen lately, or one of any service). Typed text is searched on Enter or on leaving the field.
 */
export function TraceOperationInput({ value, operations, serverError, onCommit }: { value: string; operations: string[]; serverError?: string; onCommit: (operation: string) => void }) {
  const [draft, setDraft] = useDraft(value);
  const commit = (text: string) => {
    if (text.trim() !== value) onCommit(text.trim());
  };
  return (
    <QueryField
      label="Operation"
      htmlFor={INPUT_ID}
      message={
        <FieldMessage id={`${INPUT_ID}-message`} tone="error">
          {serverError ?? ""}
        </FieldMessage>
      }
    >
      <input
        id={INPUT_ID}
        type="text"
        list={`${INPUT_ID}-choices`}
        spellCheck={false}
        autoComplete="off"
        placeholder="Any operation"
        aria-describedby={`${INPUT_ID}-message`}
        aria-invalid={serverError !== undefined || undefined}
        value={draft}
        onChange={(e) => {
          setDraft(e.target.value);
          // Picking a suggestion replaces the text in one go: search at once, as a select would.
          if ((e.nativeEvent as InputEvent).inputType === "insertReplacementText" || ((e.nativeEvent as InputEvent).inputType === undefined && operations.includes(e.target.value))) commit(e.target.value);
        }}
        onBlur={() => commit(draft)}
        onKeyDown={(e) => {
          if (e.key === "Enter") {
            e.preventDefault();
            commit(draft);
          } else if (e.key === "Escape") {
            setDraft(value);
          }
        }}
        className={`${CONTROL} ${controlTone(serverError !== undefined)} w-48`}
      />
      <datalist id={`${INPUT_ID}-choices`}>
        {operations.map((operation) => (
          <option key={operation} value={operation} />
        ))}
      </datalist>
    </QueryField>
  );
}
