export const driftHref = (workspaceId: string, state?: string) => `/w/${encodeURIComponent(workspaceId)}/drift${state && state !== "open" ? `?state=${state}` : ""}`;
export const driftAlertHref = (workspaceId: string, alertId: string) => `/w/${encodeURIComponent(workspaceId)}/drift/${encodeURIComponent(alertId)}`;
