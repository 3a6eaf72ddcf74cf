// Every operation of Flowprint's HTTP API, one list per area. A new route handler adds its
// entry to its area's list (or a new area file, listed here); tests/openapi.test.ts fails for a
// route file under app/ that is not here, and for an entry here without its route.
import type { ApiOperation } from "./operation";
import { ACCOUNT_OPERATIONS } from "./operations/accounts";
import { DIAGNOSIS_OPERATIONS } from "./operations/diagnosis";
import { DRIFT_OPERATIONS } from "./operations/drift";
import { EXECUTION_OPERATIONS } from "./operations/executions";
import { FLOW_OPERATIONS } from "./operations/flows";
import { INGESTION_OPERATIONS } from "./operations/ingestion";
import { JAEGER_OPERATIONS } from "./operations/jaeger";
import { LLM_OPERATIONS } from "./operations/llm";
import { META_OPERATIONS } from "./operations/meta";
import { MODEL_OPERATIONS } from "./operations/model";
import { SETTINGS_OPERATIONS } from "./operations/settings";
import { SIGN_IN_OPERATIONS } from "./operations/sign-in";
import { TEST_EXPORT_OPERATIONS } from "./operations/test-exports";
import { TRACE_OPERATIONS } from "./operations/traces";
import { WEBHOOK_OPERATIONS } from "./operations/webhooks";

export const API_OPERATIONS: readonly ApiOperation[] = [
  ...INGESTION_OPERATIONS,
  ...ACCOUNT_OPERATIONS,
  ...SIGN_IN_OPERATIONS,
  ...SETTINGS_OPERATIONS,
  ...TRACE_OPERATIONS,
  ...FLOW_OPERATIONS,
  ...DIAGNOSIS_OPERATIONS,
  ...DRIFT_OPERATIONS,
  ...TEST_EXPORT_OPERATIONS,
  ...EXECUTION_OPERATIONS,
  ...MODEL_OPERATIONS,
  ...LLM_OPERATIONS,
  ...WEBHOOK_OPERATIONS,
  ...JAEGER_OPERATIONS,
  ...META_OPERATIONS,
];
