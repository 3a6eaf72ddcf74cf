// The built-in events, raised where what they report happens: drift alerts that a sweep opened,
// and test runs whose validation just stored a failed result. A failure to enqueue is logged,
// never passed on: the sweep or the validation it follows has already happened.
import { errorFields, logger } from "../http/logger";
import type { Store } from "../store/db";
import type { TraceValidation } from "../validation/validate-trace";
import { describeDriftOpened, describeRunFailed, type FailedRun, type OpenedDriftAlert } from "../webhooks/describe-webhook-event";
import { enqueueWebhookEvent } from "./enqueue-webhook-event";

export async function announceOpenedDrift(store: Store, alerts: readonly OpenedDriftAlert[]): Promise<void> {
  for (const alert of alerts) {
    await enqueueWebhookEvent(store, alert.workspaceId, "drift.opened", describeDriftOpened(alert)).catch((error) =>
      logger.error({ alert_id: alert.id, ...errorFields(error) }, "enqueuing drift.opened failed"),
    );
  }
}

export async function announceFailedRun(store: Store, run: Omit<FailedRun, "result">, result: TraceValidation): Promise<void> {
  if (result.status !== "failed") return;
  await enqueueWebhookEvent(store, run.workspaceId, "run.failed", describeRunFailed({ ...run, result })).catch((error) =>
    logger.error({ execution_id: run.id, ...errorFields(error) }, "enqueuing run.failed failed"),
  );
}
