export const tracesHref = (workspaceId: string) => `/w/${encodeURIComponent(workspaceId)}/traces`;
export const traceHref = (workspaceId: string, traceId: string) => `${tracesHref(workspaceId)}/${encodeURIComponent(traceId)}`;
export const flowHref = (workspaceId: string, flowId: string) => `/w/${encodeURIComponent(workspaceId)}/flows/${encodeURIComponent(flowId)}`;
/** Trace a beside trace b, node by node; without b, beside a's flow's representative. */
export const traceCompareHref = (workspaceId: string, a: string, b?: string) => {
  const query = new URLSearchParams({ a, ...(b ? { b } : {}) });
  return `${tracesHref(workspaceId)}/compare?${query}`;
};
