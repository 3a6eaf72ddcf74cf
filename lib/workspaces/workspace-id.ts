// Workspace ids are slugs so they can sit in URLs and headers unescaped.
export const DEFAULT_WORKSPACE_ID = "default";

const WORKSPACE_ID = /^[A-Za-z0-9_-]{1,64}$/;

export function isValidWorkspaceId(id: string): boolean {
  return WORKSPACE_ID.test(id);
}

export const WORKSPACE_ID_RULE = "letters, digits, '-' and '_', at most 64 characters";
