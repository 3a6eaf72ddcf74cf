import type { FlowprintRequest } from "../export/flowprint-test.schema";
import { renderDeep, renderString, type Rendered, type TemplateScope } from "./render-template";

export interface ConcreteRequest {
  method: FlowprintRequest["method"];
  url: string;
  headers: Record<string, string>;
  body: unknown;
}

const text = (value: unknown) => (typeof value === "string" ? value : JSON.stringify(value));

export function renderRequest(request: FlowprintRequest, scope: TemplateScope): Rendered<ConcreteRequest> {
  const url = renderString(request.url, scope, { encode: true });
  if (!url.ok) return url;
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers ?? {})) {
    const rendered = renderString(value, scope);
    if (!rendered.ok) return rendered;
    headers[name.toLowerCase()] = text(rendered.value);
  }
  const body = renderDeep(request.body, scope);
  if (!body.ok) return body;
  return { ok: true, value: { method: request.method, url: text(url.value), headers, body: body.value } };
}
