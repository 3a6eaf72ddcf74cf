// The route a request path belongs to (`/api/v1/workspaces/[workspaceId]/telemetry/flows`),
// for metric labels and logs: bounded, unlike the paths themselves, which carry ids.
export interface RouteDefinition {
  page: string;
  regex: string;
}

export function routeMatcher(staticRoutes: readonly RouteDefinition[], dynamicRoutes: readonly RouteDefinition[]): (pathname: string) => string {
  const exact = new Map(staticRoutes.map((r) => [r.page, r.page]));
  const patterns = dynamicRoutes.map((r) => ({ page: r.page, regex: new RegExp(r.regex) }));
  return (pathname) => {
    const trimmed = pathname.length > 1 ? pathname.replace(/\/+$/, "") : pathname;
    return exact.get(trimmed) ?? patterns.find((p) => p.regex.test(trimmed))?.page ?? "unmatched";
  };
}
