// Test fixture: the shop's system model (orders created, read and deleted; database shop;
// topic order.created) and a deterministic export of its order read, as the draft sees them.
import { buildSystemModel } from "../../../model/build-system-model";
import type { SystemModel } from "../../../model/model-types";
import { modelInputFromTraces } from "../../../model/testing/model-input-from-traces";
import { shopTraces } from "../../../model/testing/shop-traces";

export function shopModel(): SystemModel {
  return buildSystemModel(modelInputFromTraces(shopTraces(), 1_000));
}

export const READ_ORDER_EXPORT = `version: 1
name: orders → GET /api/v1/orders/:id
variables:
  base_url: http://127.0.0.1:4100
  id: ord-4711
trigger:
  id: get_api_v1_orders_id
  method: GET
  url: "{{base_url}}/api/v1/orders/{{id}}"
  expect: {status: 200}
expect_trace:
  nodes:
    - {type: api_endpoint, identifier: GET /api/v1/orders/:id, service: orders}
    - {type: database, identifier: shop, service: orders}
`;

/** A good draft of the read: creates the order first and reads it by the returned id. */
export const GOOD_DRAFT = `version: 1
name: read a created order
setup:
  - id: create_order
    method: POST
    url: "{{base_url}}/api/v1/orders"
    body: {customerId: cust-1, items: [{productId: p-100, quantity: 2}]}
    expect: {status: 201}
trigger:
  id: read_order
  method: GET
  url: "{{base_url}}/api/v1/orders/{{create_order.body.id}}"
  expect: {status: 200}
expect_trace:
  nodes:
    - {type: api_endpoint, identifier: GET /api/v1/orders/:id, service: orders}
    - {type: database, identifier: shop, service: orders}
`;
