// Flows, entry points and entities as runnable test files, and the model's drafts of them.
import { z } from "zod";
import type { AiDraftResponse } from "../../ai-draft.types";
import { entryPointExportSchema, type EntryPointExportResponse, type VariantTestFileView } from "../../entry-points.schemas";
import { flowParamsSchema } from "../../flows.schemas";
import { entityParamsSchema } from "../../model.schemas";
import { workspaceParamsSchema } from "../../workspace.schemas";
import type { ExportedFlow, ExportFormat, SetupMode } from "../../../export/export-flow";
import { arrayOf, everyValueOf, fieldsOf, int, nullable, objectWith, oneOfValues, str } from "../json-schema";
import { errorResponse, WORKSPACE_PATH, type ApiOperation, type ApiResponse } from "../operation";
import { LLM_ERRORS } from "./llm-errors";

// The route declares its query schema in its own file, unexported; rebuilt here. The values are
// written out because lib/export/export-flow would bring the whole exporter (and a SQL parser)
// into this document for two constants; the types keep them complete, and tests/openapi.test.ts
// checks the route's schema against this one.
const EXPORT_FORMATS = everyValueOf<ExportFormat>()(["flowprint", "testmesh"]);
const SETUP_MODES = everyValueOf<SetupMode>()(["auto", "none"]);
const flowExportQuerySchema = z.object({ format: z.enum(EXPORT_FORMATS).default("flowprint"), setup: z.enum(SETUP_MODES).default("auto") });

const warnings = arrayOf(str(), "What the file could not do as recorded; also written as comments in the file where it applies.");
const baseUrl = nullable(str("The file's base_url when the trace recorded where its request went; null when it holds the stand-in http://localhost:8080 (a run then needs --base-url)."));

const aiDraft: ApiResponse = {
  description: "The draft, checked against Flowprint's test schema.",
  json: fieldsOf<AiDraftResponse>()({
    yaml: str(),
    file_name: str(),
    warnings: arrayOf(str(), "What the draft or its context lacks."),
    usage: objectWith({ prompt_tokens: nullable(int()), completion_tokens: nullable(int()), model: str() }),
    attempts: int("1, or 2 when the first answer failed the checks."),
  }),
};
const draftErrors: Record<number, ApiResponse> = { ...LLM_ERRORS, 422: errorResponse("The model's draft failed Flowprint's checks twice (code draft_invalid; `issues` say where).") };

export const TEST_EXPORT_OPERATIONS: ApiOperation[] = [
  {
    method: "post",
    path: `${WORKSPACE_PATH}/telemetry/flows/{flowId}/export`,
    operationId: "exportFlow",
    summary: "The flow as a test file",
    description: "setup=auto (the default) adds setup steps that create the entities the trigger refers to.",
    tag: "tests",
    access: "write",
    params: flowParamsSchema,
    query: flowExportQuerySchema,
    responses: {
      200: {
        description: "The test file.",
        json: fieldsOf<ExportedFlow>()({ yaml: str(), file_name: str(), format: oneOfValues(EXPORT_FORMATS), base_url: baseUrl, warnings }),
      },
      404: errorResponse("No such flow."),
    },
  },
  {
    method: "post",
    path: `${WORKSPACE_PATH}/telemetry/flows/{flowId}/export/ai-draft`,
    operationId: "draftFlowTest",
    summary: "The flow's test drafted by the configured model",
    tag: "tests",
    access: "write",
    params: flowParamsSchema,
    responses: { 200: aiDraft, 404: errorResponse("No such flow."), ...draftErrors },
  },
  {
    method: "post",
    path: `${WORKSPACE_PATH}/telemetry/entry-points/export`,
    operationId: "exportEntryPoint",
    summary: "Every variant of an entry point as its own test, asserting what sets it apart",
    description: "Busiest first.",
    tag: "tests",
    access: "write",
    params: workspaceParamsSchema,
    body: entryPointExportSchema,
    responses: {
      200: {
        description: "One file per variant.",
        json: fieldsOf<EntryPointExportResponse>()({
          files: arrayOf(
            fieldsOf<VariantTestFileView>()({ yaml: str(), file_name: str(), flow_id: str(), variant_label: nullable(str()), explanations: arrayOf(str(), "The explanations the file asserts."), warnings }),
          ),
          warnings: arrayOf(str(), "Each variant exported as a plain path test, and why."),
        }),
      },
      404: errorResponse("The entry point has no flows."),
    },
  },
  {
    method: "post",
    path: `${WORKSPACE_PATH}/model/entities/{entityName}/journey/export`,
    operationId: "exportEntityJourney",
    summary: "The entity's lifecycle as one test",
    tag: "tests",
    access: "write",
    params: entityParamsSchema,
    responses: {
      200: { description: "The test file.", json: objectWith({ yaml: str(), file_name: str(), warnings, base_url: baseUrl }) },
      404: errorResponse("No such entity in the model."),
      422: errorResponse("Nobody was seen creating it, or its creation never showed the new id (code no_journey)."),
    },
  },
  {
    method: "post",
    path: `${WORKSPACE_PATH}/model/entities/{entityName}/journey/ai-draft`,
    operationId: "draftEntityJourney",
    summary: "The entity's lifecycle test drafted by the configured model",
    tag: "tests",
    access: "write",
    params: entityParamsSchema,
    responses: { 200: aiDraft, 404: errorResponse("No such entity in the model."), ...draftErrors },
  },
];
