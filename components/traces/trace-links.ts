export const tracesHref = (workspaceId: string) => `/w/${encodeURIComponent(workspaceId)}/traces`;
export const traceHref = (workspaceId: string, traceId: string) => `${tracesHref(workspaceId)}/${encodeURIComponent(traceId)}`;
export const flowHref = (workspaceId: string, flowId: string) => `/w/${encodeURIComponent(workspaceId)}/flows/${encodeURIComponent(flowId)}`;
