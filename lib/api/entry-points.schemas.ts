// POST /api/v1/workspaces/:ws/telemetry/entry-points/export: request and response shapes.
import { z } from "zod";

export const entryPointExportSchema = z.object({
  entry_service: z.string({ message: "must be the entry point's service" }).min(1, "must not be empty").max(256),
  entry_operation: z.string({ message: "must be the entry point's operation" }).min(1, "must not be empty").max(1024),
  // As for a single flow's export: auto creates the entities the trigger refers to first.
  setup: z.enum(["auto", "none"], { message: "must be auto or none" }).default("auto"),
});

export interface VariantTestFileView {
  yaml: string;
  file_name: string;
  flow_id: string;
  variant_label: string | null;
  /** The explanations the file asserts, as sentences. */
  explanations: string[];
  warnings: string[];
}

export interface EntryPointExportResponse {
  files: VariantTestFileView[];
  /** Per variant: why its file is a plain path test, when it is. */
  warnings: string[];
}
