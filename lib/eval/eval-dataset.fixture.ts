// A small dataset for the runner's, report's and CLI's tests: a case that a good model passes,
// one with a judge criterion, and one whose production answer was JSON.
import type { EvalDataset } from "./eval-dataset.schema";

export const DATASET: EvalDataset = {
  name: "exported-trace-4bf92f35",
  source: { type: "trace", workspace: "default", trace_id: "4bf92f3577b34da6a3ce929d0e0e4736" },
  metadata: { trace_id: "4bf92f3577b34da6a3ce929d0e0e4736", exported_at: "2026-03-01T10:00:00.000Z", model: "gpt-4o", provider: "openai" },
  cases: [
    {
      id: "case-1",
      variables: { input: "Where is order A-1042?" },
      messages: [
        { role: "system", content: "You are Acme support." },
        { role: "user", content: "Where is order A-1000?" },
      ],
      expected_output: "It ships Friday.",
      assertions: [
        { type: "max_length", value: 40 },
        { type: "not_icontains", value: "i cannot" },
      ],
    },
    {
      id: "case-2",
      variables: { input: "Say thanks" },
      messages: [],
      assertions: [
        { type: "icontains", value: "thank" },
        { type: "llm_judge", value: "The reply is polite" },
      ],
    },
    {
      id: "case-3",
      variables: { input: "Status as JSON" },
      messages: [],
      expected_output: '{"status":"shipped"}',
      assertions: [
        { type: "is_json", value: true },
        { type: "regex", value: "shipped" },
      ],
    },
  ],
};
