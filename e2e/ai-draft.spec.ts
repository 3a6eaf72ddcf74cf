// Drafting tests with AI in the dashboard, on the second server of playwright.config.ts (the
// one configured with FLOWPRINT_LLM_BASE_URL): this spec serves that model endpoint itself,
// with scripted answers, so the drafts are real HTTP round trips with no network.
import { startOpenAiCompatibleServer, type OpenAiCompatibleServer, type ScriptedReply } from "../tests/support/openai-compatible-server";
import { expectNoSeriousA11yViolations, screenshotBothThemes } from "./support/axe";
import { sendOrderLifecycle } from "./support/seed-order-lifecycle";
import { waitFor } from "./support/seed-traffic";
import { expect, test } from "./support/test";

const DRAFT_BASE = `http://127.0.0.1:${process.env.E2E_DRAFT_PORT}`;

const DRAFT = `\`\`\`yaml
version: 1
name: read a created order
setup:
  - id: create_order
    method: POST
    url: "{{base_url}}/api/v1/orders"
    body: {customerId: cust-100, items: [{productId: p-100, quantity: 1}]}
    expect: {status: 201}
trigger:
  id: read_order
  method: GET
  url: "{{base_url}}/api/v1/orders/{{create_order.body.id}}"
  expect: {status: 200}
expect_trace:
  nodes:
    - {type: api_endpoint, identifier: "GET /api/v1/orders/:id", service: api-gateway}
\`\`\``;

test.describe.configure({ mode: "serial" });

let llm: OpenAiCompatibleServer;
let replies: (ScriptedReply | string)[] = [];
const workspace = `e2e-draft-${Date.now()}`;
let readFlowId = "";

test.beforeAll(async () => {
  llm = await startOpenAiCompatibleServer({ port: Number(process.env.E2E_LLM_PORT), reply: () => replies.shift() ?? { status: 500, content: "no answer scripted" } });
  await sendOrderLifecycle(DRAFT_BASE, workspace, ["ord-2001", "ord-2002"]);
  const { flows } = await waitFor(
    () => fetch(`${DRAFT_BASE}/api/v1/workspaces/${workspace}/telemetry/flows`).then((r) => r.json() as Promise<{ flows: { id: string; entry_operation: string }[] }>),
    (body) => body.flows.some((f) => f.entry_operation === "GET /api/v1/orders/:id"),
  );
  readFlowId = flows.find((f) => f.entry_operation === "GET /api/v1/orders/:id")!.id;
});

test.afterAll(async () => {
  await llm?.stop();
});

test("a flow's export page drafts a test with AI beside the deterministic one", async ({ page }) => {
  replies = [DRAFT];
  await page.goto(`${DRAFT_BASE}/w/${workspace}/flows/${readFlowId}/export`);
  await page.getByRole("button", { name: "Draft with AI" }).click();
  const draft = page.getByTestId("ai-draft");
  await expect(draft.getByRole("heading", { name: "Drafted with AI" })).toBeVisible();
  await expect(page.getByTestId("ai-draft-usage")).toContainText("e2e-draft-model, first answer");
  await expect(draft).toContainText("{{create_order.body.id}}");
  // The model saw the deterministic export it was asked to improve on.
  expect(JSON.stringify(llm.requests.at(-1)?.body)).toContain("GET /api/v1/orders/:id");
  await expectNoSeriousA11yViolations(page);
  await screenshotBothThemes(page, "ai-draft-flow");
});

test("a draft that fails the checks twice says why", async ({ page, pageErrors }) => {
  pageErrors.allow(/status of 422/, "the draft endpoint answers 422 draft_invalid, which the page shows");
  const invalid = DRAFT.replace("/api/v1/orders\"", "/api/v1/carts\"").replace("{{create_order.body.id}}", "{{make_order.body.id}}");
  replies = [invalid, invalid];
  await page.goto(`${DRAFT_BASE}/w/${workspace}/flows/${readFlowId}/export`);
  await page.getByRole("button", { name: "Draft with AI" }).click();
  const problem = page.getByTestId("ai-draft-problem");
  await expect(problem).toContainText("The model's answers failed Flowprint's checks twice");
  await expect(problem).toContainText("unknown variable {{make_order.body.id}}");
});

test("an entity card on the System page drafts its journey with AI", async ({ page }) => {
  replies = [DRAFT];
  await page.goto(`${DRAFT_BASE}/w/${workspace}/system`);
  const order = page.getByTestId("entity-order");
  await order.getByRole("button", { name: "Draft a test of the order with AI (e2e-draft-model)" }).click();
  await expect(order.getByTestId("ai-draft")).toContainText("{{create_order.body.id}}");
  await screenshotBothThemes(page, "ai-draft-entity");
});
