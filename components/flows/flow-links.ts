// Dashboard addresses of a workspace's flows and what they link to.
const base = (workspaceId: string) => `/w/${encodeURIComponent(workspaceId)}`;

export const flowHref = (workspaceId: string, flowId: string) => `${base(workspaceId)}/flows/${encodeURIComponent(flowId)}`;
export const flowExportHref = (workspaceId: string, flowId: string) => `${flowHref(workspaceId, flowId)}/export`;
export const flowsHref = (workspaceId: string) => `${base(workspaceId)}/flows`;
export const driftAlertHref = (workspaceId: string, alertId: string) => `${base(workspaceId)}/drift/${encodeURIComponent(alertId)}`;
export const traceHref = (workspaceId: string, traceId: string) => `${base(workspaceId)}/traces/${encodeURIComponent(traceId)}`;
