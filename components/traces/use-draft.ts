"use client";

import { useState } from "react";

/**
 * Text being typed into a field whose committed value lives elsewhere (the URL). When the value
 * moves without typing here (back button, "Clear filters", a shared link), the draft follows it.
 */
export function useDraft(value: string): [string, (text: string) => void] {
  const [draft, setDraft] = useState(value);
  const [seen, setSeen] = useState(value);
  if (value !== seen) {
    setSeen(value);
    setDraft(value);
  }
  return [draft, setDraft];
}
