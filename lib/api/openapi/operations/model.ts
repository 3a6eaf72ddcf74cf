// The system model learned from the workspace's flows, and an OpenAPI document per service
// inferred from traffic (that one is a service's API, not Flowprint's).
import { endpointParamsSchema, entityParamsSchema, openapiQuerySchema } from "../../model.schemas";
import type { ModelEndpointDetailView, ModelEntityDetailView, SystemModelView } from "../../model.types";
import { workspaceParamsSchema } from "../../workspace.schemas";
import { anyValue, arrayOf, bool, dateTime, fieldsOf, int, nullable, num, objectWith, openObject, str } from "../json-schema";
import { errorResponse, WORKSPACE_PATH, type ApiOperation } from "../operation";

const noEntity = errorResponse("No such entity in the model.");

export const MODEL_OPERATIONS: ApiOperation[] = [
  {
    method: "get",
    path: `${WORKSPACE_PATH}/model`,
    operationId: "getSystemModel",
    summary: "The system model: services, endpoints, entities, datastores, topics",
    tag: "model",
    access: "read",
    params: workspaceParamsSchema,
    responses: {
      200: {
        description: "The model.",
        json: fieldsOf<SystemModelView>()({
          services: arrayOf(openObject("name, endpoint_ids, flow_ids, instrumentation")),
          endpoints: arrayOf(openObject("As GET .../model/endpoints/{endpointId}, without flows.")),
          entities: arrayOf(openObject("As GET .../model/entities/{entityName}, without endpoints.")),
          datastores: arrayOf(openObject("system, name, services, tables")),
          topics: arrayOf(openObject("name, producers, consumers, entity")),
          flow_count: int(),
          sampled_trace_count: int(),
          generated_at: dateTime(),
        }),
      },
    },
  },
  {
    method: "get",
    path: `${WORKSPACE_PATH}/model/endpoints/{endpointId}`,
    operationId: "getModelEndpoint",
    summary: "One endpoint of the model",
    tag: "model",
    access: "read",
    params: endpointParamsSchema,
    responses: {
      200: {
        description: "The endpoint.",
        json: fieldsOf<ModelEndpointDetailView>()({
          id: str("ep- and 14 hex digits."),
          service: str(),
          method: str(),
          route: str(),
          openapi_path: str(),
          call_count: int(),
          sample_count: int(),
          status_codes: arrayOf(objectWith({ value: int(), count: int() })),
          path_parameters: arrayOf(openObject()),
          query_parameters: arrayOf(openObject()),
          headers: arrayOf(openObject()),
          request_body: nullable(openObject("JSON Schema 2020-12 of the recorded request bodies.")),
          request_example: anyValue(),
          responses: arrayOf(openObject("Per status, with its schema.")),
          p50_ms: nullable(num()),
          p95_ms: nullable(num()),
          error_rate: num(),
          downstream: objectWith({ endpoints: arrayOf(openObject()), databases: arrayOf(openObject("With operation and tables.")), topics: arrayOf(openObject()) }),
          flow_ids: arrayOf(str()),
          flows: arrayOf(objectWith({ id: str(), name: str() })),
          entity: nullable(objectWith({ name: str(), operation: nullable(str()), id_parameter: nullable(str()) })),
          bodies_recorded: objectWith({ request: bool(), response: bool() }),
        }),
      },
      404: errorResponse("No such endpoint in the model."),
    },
  },
  {
    method: "get",
    path: `${WORKSPACE_PATH}/model/entities/{entityName}`,
    operationId: "getModelEntity",
    summary: "One entity: its lifecycle and data flow",
    tag: "model",
    access: "read",
    params: entityParamsSchema,
    responses: {
      200: {
        description: "The entity.",
        json: fieldsOf<ModelEntityDetailView>()({
          name: str(),
          seen_in: arrayOf(objectWith({ kind: str("route, rpc, table, topic or body_field"), where: str() })),
          id_fields: arrayOf(str()),
          operations: arrayOf(openObject("kind (create, read, update, delete, list), endpoint_ids, database_operations, events")),
          data_flow: arrayOf(openObject()),
          creator: nullable(objectWith({ endpoint_id: str(), id_field: nullable(str()) })),
          bodies_recorded: bool(),
          notes: arrayOf(str()),
          endpoints: arrayOf(openObject("id, service, method, route, call_count, operation")),
        }),
      },
      404: noEntity,
    },
  },
  {
    method: "get",
    path: `${WORKSPACE_PATH}/model/openapi`,
    operationId: "getServiceOpenApi",
    summary: "A service's OpenAPI 3.1 document, inferred from traffic, as a download",
    description: "YAML with format=yaml, or without format by Accept: application/yaml.",
    tag: "model",
    access: "read",
    params: workspaceParamsSchema,
    query: openapiQuerySchema,
    responses: {
      200: {
        description: "The document.",
        content: { "application/json": { schema: openObject("OpenAPI 3.1") }, "application/yaml": { schema: str() } },
        headers: { "content-disposition": { description: 'inline; filename="<service>.openapi.json" (or .yaml)', schema: str() } },
      },
      404: errorResponse("The model knows no such service."),
    },
  },
];
