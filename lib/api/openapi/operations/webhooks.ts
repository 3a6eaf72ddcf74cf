// Webhooks: drift, failed runs, LLM thresholds and coverage drops sent to a URL, signed.
import { createWebhookSchema, webhookDeliveriesQuerySchema, webhookParamsSchema, type CreatedWebhook, type WebhookTestResult } from "../../webhooks.schemas";
import { workspaceParamsSchema } from "../../workspace.schemas";
import { arrayOf, bool, fieldsOf, int, objectWith, str } from "../json-schema";
import { errorResponse, NO_CONTENT, WORKSPACE_PATH, type ApiOperation } from "../operation";
import { ref } from "../shared-schemas";

const WEBHOOK = `${WORKSPACE_PATH}/webhooks/{webhookId}`;
const noWebhook = errorResponse("No such webhook in this workspace.");

export const WEBHOOK_OPERATIONS: ApiOperation[] = [
  {
    method: "get",
    path: `${WORKSPACE_PATH}/webhooks`,
    operationId: "listWebhooks",
    summary: "The workspace's webhooks, newest first",
    tag: "webhooks",
    access: "read",
    params: workspaceParamsSchema,
    responses: { 200: { description: "Never their secrets.", json: objectWith({ webhooks: arrayOf(ref("Webhook")) }) } },
  },
  {
    method: "post",
    path: `${WORKSPACE_PATH}/webhooks`,
    operationId: "createWebhook",
    summary: "Create a webhook",
    description: "url must be absolute http(s) without a user name or password; events not empty, repeated or unknown. A bad one gets a 400 naming it.",
    tag: "webhooks",
    access: "write",
    params: workspaceParamsSchema,
    body: createWebhookSchema,
    responses: {
      201: { description: "The webhook and its signing secret, shown this once.", json: fieldsOf<CreatedWebhook>()({ secret: str("whsec_…"), webhook: ref("Webhook") }) },
    },
  },
  {
    method: "delete",
    path: WEBHOOK,
    operationId: "deleteWebhook",
    summary: "Delete a webhook and its deliveries, pending ones included",
    tag: "webhooks",
    access: "write",
    params: webhookParamsSchema,
    responses: { 204: NO_CONTENT, 404: noWebhook },
  },
  {
    method: "post",
    path: `${WEBHOOK}/test`,
    operationId: "testWebhook",
    summary: "Send webhook.test now, once",
    tag: "webhooks",
    access: "write",
    params: webhookParamsSchema,
    responses: {
      200: { description: "After the attempt, also when the receiver failed it.", json: fieldsOf<WebhookTestResult>()({ ok: bool(), delivery: ref("WebhookDelivery") }) },
      404: noWebhook,
    },
  },
  {
    method: "get",
    path: `${WEBHOOK}/deliveries`,
    operationId: "listWebhookDeliveries",
    summary: "The webhook's delivery log, newest first",
    tag: "webhooks",
    access: "read",
    params: webhookParamsSchema,
    query: webhookDeliveriesQuerySchema,
    responses: { 200: { description: "A page of deliveries.", json: objectWith({ deliveries: arrayOf(ref("WebhookDelivery")), total: int() }) }, 404: noWebhook },
  },
];
