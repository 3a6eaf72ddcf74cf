// One entry of the API's registry: what a route handler accepts and answers. The document is
// built from these entries; tests/openapi.test.ts fails for a route file without one.
import type { z } from "zod";
import type { Need } from "../../auth/policy";
import type { JsonSchema } from "./json-schema";
import { ref } from "./shared-schemas";
import type { ApiTag } from "./tags";

export type HttpMethod = "get" | "put" | "post" | "delete" | "options" | "head" | "patch";

/**
 * Who may call it. Workspace routes name the need they were made with (workspaceRoute);
 * `instance` is any signed-in caller or token (instanceRoute), `instance-admin` and
 * `signed-in-user` are instanceRoutes that also refuse tokens; `ingest-key` is OTLP ingestion.
 */
export type Access = Need | "instance" | "instance-admin" | "signed-in-user" | "ingest-key" | "public";

/** A request or response body given by media type; `schema` left out for opaque bytes. */
export type Content = Record<string, { schema?: JsonSchema }>;

export interface ApiResponse {
  description: string;
  /** A JSON body: a hand-written schema, or the zod schema the route builds it with. */
  json?: JsonSchema | z.ZodType;
  /** Any other body (protobuf, YAML); used instead of `json`. */
  content?: Content;
  headers?: Record<string, { description: string; schema: JsonSchema }>;
}

export interface ApiHeaderParameter {
  name: string;
  description: string;
  schema: JsonSchema;
  required?: boolean;
}

export interface ApiOperation {
  method: HttpMethod;
  /** The OpenAPI path: the route's folder under app/, each [name] written {name}. */
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  tag: ApiTag;
  access: Access;
  /**
   * own: the route answers errors in its protocol's shape (OTLP's google.rpc.Status, Better
   * Auth's `{code, message}`), so the API's shared errors are not added to it. Default: api.
   */
  errorShape?: "api" | "own";
  /** The zod object the handler parses its path parameters with; a {name} it lacks is any string. */
  params?: z.ZodType;
  /** The zod object the handler parses its query string with. */
  query?: z.ZodType;
  headers?: ApiHeaderParameter[];
  /** The zod schema of a JSON body (required unless `{}` parses: an empty body reads as `{}`), or raw content. */
  body?: z.ZodType | { content: Content; description: string };
  /**
   * Success responses and the errors particular to the route. The shared ones are added for
   * it: 400 when it parses input, 401 and 403 when it is not public, 404 inside a workspace.
   */
  responses: Record<number, ApiResponse>;
}

/** A response in the API's error shape. */
export function errorResponse(description: string, headers?: ApiResponse["headers"]): ApiResponse {
  return { description, json: ref("Error"), ...(headers ? { headers } : {}) };
}

export const WORKSPACE_PATH = "/api/v1/workspaces/{workspaceId}";

export const NO_CONTENT: ApiResponse = { description: "Done; no body." };
