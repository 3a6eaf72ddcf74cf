"use client";

import { downloadText } from "@/components/llm/download-text";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import type { AiDraftResponse } from "@/lib/api/ai-draft.types";
import { formatCount } from "@/lib/format/format-number";
import { draftIssues } from "./use-ai-draft";
import { YamlCode } from "./yaml-code";

const tokens = (n: number | null) => (n === null ? "unreported" : formatCount(n));

/** The model's draft: what it cost, what to check, copy and download, and the YAML. */
export function AiDraftResult({ draft }: { draft: AiDraftResponse }) {
  return (
    <section className="min-w-0 space-y-2" aria-labelledby="ai-draft-title" data-testid="ai-draft">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="ai-draft-title" className="text-sm font-semibold">
          Drafted with AI
        </h2>
        <div className="flex items-center gap-2">
          <CopyButton text={draft.yaml} label="the drafted YAML" />
          <Button variant="primary" size="sm" onClick={() => downloadText(draft.yaml, draft.file_name)}>
            Download {draft.file_name}
          </Button>
        </div>
      </div>
      <p className="text-xs text-zinc-500 dark:text-zinc-400" data-testid="ai-draft-usage">
        {draft.usage.model}, {draft.attempts === 1 ? "first answer" : `${draft.attempts} answers (the first failed the checks)`}: {tokens(draft.usage.prompt_tokens)} prompt and {tokens(draft.usage.completion_tokens)} completion tokens. Checked
        against the system model; review it before relying on it.
      </p>
      {draft.warnings.length > 0 ? (
        <ul className="list-disc space-y-0.5 rounded-md bg-amber-50 py-2 pl-7 pr-3 text-xs text-amber-900 dark:bg-amber-950/40 dark:text-amber-100" aria-label="Draft warnings">
          {draft.warnings.map((warning) => (
            <li key={warning}>{warning}</li>
          ))}
        </ul>
      ) : null}
      <YamlCode text={draft.yaml} label={`${draft.file_name}, drafted with AI`} />
    </section>
  );
}

/** Why no draft came: the checks' problems when the model's answers failed them, else the API's message. */
export function AiDraftProblem({ error }: { error: Error }) {
  const issues = draftIssues(error);
  return (
    <div role="alert" className="rounded-md border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-800 dark:border-red-900 dark:bg-red-950 dark:text-red-200" data-testid="ai-draft-problem">
      <p className="font-medium">Could not draft the test with AI.</p>
      <p className="mt-1 opacity-90">{issues.length > 0 ? "The model's answers failed Flowprint's checks twice:" : error.message}</p>
      {issues.length > 0 ? (
        <ul className="mt-1 list-disc pl-5 opacity-90">
          {issues.map((issue, i) => (
            <li key={i}>
              <span className="font-mono text-xs">{issue.path}</span>: {issue.message}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
