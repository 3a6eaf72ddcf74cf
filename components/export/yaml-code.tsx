"use client";

import hljs from "highlight.js/lib/core";
import yaml from "highlight.js/lib/languages/yaml";
import { useMemo } from "react";

hljs.registerLanguage("yaml", yaml);

/** YAML with syntax highlighting; highlight.js escapes the text it wraps in spans. */
export function YamlCode({ text, label }: { text: string; label: string }) {
  const html = useMemo(() => hljs.highlight(text, { language: "yaml" }).value, [text]);
  return (
    <pre
      className="yaml-code max-h-[70vh] overflow-auto rounded-md border border-zinc-200 bg-zinc-50 p-4 text-xs leading-relaxed dark:border-zinc-800 dark:bg-zinc-950"
      aria-label={label}
      tabIndex={0}
      data-testid="export-yaml"
    >
      <code dangerouslySetInnerHTML={{ __html: html }} />
    </pre>
  );
}
