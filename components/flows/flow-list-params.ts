// The flow list's filters, sort and page, kept in the URL query string so a view can be shared
// and the back button restores it. Defaults are left out of the URL.

export const FLOW_SORTS = ["risk_score", "name", "entry", "occurrence_count", "avg_duration_ms", "p95_duration_ms", "error_rate", "drifted", "last_seen_at"] as const;
export type FlowSortKey = (typeof FLOW_SORTS)[number];
export type SortOrder = "asc" | "desc";

export const PAGE_SIZE = 50;

export interface FlowListParams {
  sort: FlowSortKey;
  order: SortOrder;
  driftedOnly: boolean;
  service: string;
  q: string;
  /** 1-based. */
  page: number;
}

/** The API's own default: text A to Z, numbers largest first. */
export function defaultOrder(sort: FlowSortKey): SortOrder {
  return sort === "name" || sort === "entry" ? "asc" : "desc";
}

export function readFlowListParams(search: URLSearchParams): FlowListParams {
  const rawSort = search.get("sort");
  const sort = FLOW_SORTS.find((s) => s === rawSort) ?? "risk_score";
  const rawOrder = search.get("order");
  const page = Number.parseInt(search.get("page") ?? "", 10);
  return {
    sort,
    order: rawOrder === "asc" || rawOrder === "desc" ? rawOrder : defaultOrder(sort),
    driftedOnly: search.get("drifted") === "true",
    service: search.get("service") ?? "",
    q: search.get("q") ?? "",
    page: Number.isSafeInteger(page) && page > 1 ? page : 1,
  };
}

/** The dashboard URL's query string, `?…` or "" when everything is at its default. */
export function writeFlowListParams(params: FlowListParams): string {
  const search = new URLSearchParams();
  if (params.q) search.set("q", params.q);
  if (params.service) search.set("service", params.service);
  if (params.driftedOnly) search.set("drifted", "true");
  if (params.sort !== "risk_score") search.set("sort", params.sort);
  if (params.order !== defaultOrder(params.sort)) search.set("order", params.order);
  if (params.page > 1) search.set("page", String(params.page));
  const text = search.toString();
  return text ? `?${text}` : "";
}

/** The query string of GET …/telemetry/flows for one page. */
export function flowsApiQuery(params: FlowListParams): string {
  const search = new URLSearchParams({ sort: params.sort, order: params.order, limit: String(PAGE_SIZE), offset: String((params.page - 1) * PAGE_SIZE) });
  if (params.driftedOnly) search.set("drifted", "true");
  if (params.service) search.set("service", params.service);
  if (params.q) search.set("q", params.q);
  return `?${search}`;
}

export function hasFilters(params: FlowListParams): boolean {
  return params.driftedOnly || params.service !== "" || params.q !== "";
}
