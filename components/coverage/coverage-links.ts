// Dashboard address of a workspace's coverage page; a window other than the workspace's own in the query.
export const coverageHref = (workspaceId: string, windowDays: number | null = null) =>
  `/w/${encodeURIComponent(workspaceId)}/coverage${windowDays === null ? "" : `?window_days=${windowDays}`}`;
