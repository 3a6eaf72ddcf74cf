// Naming rules of the model (README: "The system model"): which entity a route, an RPC, a
// table, a topic or a body field is about, and what the request does to it. Deliberately
// simple and documented, so a user can predict the model and rename routes to steer it.
import pluralize from "pluralize";
import type { EntityOperationKind } from "./model-types";
import { parseRouteTemplate, type RouteSegment } from "./route-template";

/** Route prefixes that name no resource. */
const PREFIX = /^(api|rest|v\d+(\.\d+)?|public|internal)$/i;
/** Singleton routes that are about the service itself, not an entity. */
const NOT_ENTITIES = new Set(["health", "healthz", "ready", "readyz", "live", "livez", "metrics", "ping", "status", "login", "logout", "auth", "token", "search", "index", "me", "version"]);
/** Words pluralize would singularize wrongly. */
const UNCOUNTABLE = new Set(["data", "metadata", "news", "media", "info"]);
const WORD = /^[A-Za-z][A-Za-z0-9_-]*$/;

/** `line-items` → `line_item`, `Orders` → `order`. */
export function entityName(word: string): string {
  const snake = word
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .replace(/[-\s]+/g, "_")
    .toLowerCase();
  const parts = snake.split("_");
  const last = parts.pop()!;
  return [...parts, UNCOUNTABLE.has(last) ? last : pluralize.singular(last)].join("_");
}

function isCollectionWord(word: string): boolean {
  const last = word.split(/[-_]/).pop()!.toLowerCase();
  return !UNCOUNTABLE.has(last) && pluralize.isPlural(last) && !pluralize.isSingular(last);
}

export interface NamedOperation {
  entity: string;
  operation: EntityOperationKind | null;
  /** The route parameter that carries the entity's id (`id` of `/orders/:id`). */
  idParameter: string | null;
  /** Entities the route is nested under (`customer` of `/customers/:id/orders`). */
  parents: string[];
}

/**
 * The resource segment names the entity: the last static segment before a trailing
 * parameter (an item), or the last plural segment (a collection). HTTP method semantics give
 * the operation. A gRPC route (`/pkg.CartService/AddItem`) is read as an RPC.
 */
export function nameRouteOperation(method: string, route: string): NamedOperation | null {
  const rpc = /^\/([\w.]+)\/(\w+)$/.exec(route);
  if (rpc && /Service$|\./.test(rpc[1])) return nameRpcOperation(rpc[1], rpc[2]);
  let segments = parseRouteTemplate(route);
  while (segments.length > 0 && segments[0].kind === "static" && PREFIX.test(segments[0].text)) segments = segments.slice(1);
  const tail = segments.at(-1);
  if (tail?.kind === "static" && tail.text === "index") segments = segments.slice(0, -1);
  if (segments.length === 0) return null;
  const verb = method.toUpperCase();
  const last = segments.at(-1)!;
  const parents = parentEntities(segments);

  if (last.kind === "param") {
    const resource = segments.at(-2);
    if (resource?.kind !== "static" || !WORD.test(resource.text)) return null;
    const operation = verb === "GET" || verb === "HEAD" ? "read" : verb === "DELETE" ? "delete" : verb === "PUT" || verb === "PATCH" || verb === "POST" ? "update" : null;
    return { entity: entityName(resource.text), operation, idParameter: last.name, parents: parents.slice(0, -1) };
  }
  if (!WORD.test(last.text)) return null;
  const before = segments.at(-2);
  if (before?.kind === "param" && !isCollectionWord(last.text)) {
    // `/orders/:id/cancel`: an action on the item before it.
    const owner = segments.at(-3);
    if (owner?.kind !== "static" || !WORD.test(owner.text)) return null;
    const operation = verb === "GET" || verb === "HEAD" ? "read" : verb === "DELETE" ? "delete" : "update";
    return { entity: entityName(owner.text), operation, idParameter: before.name, parents: parents.slice(0, -1) };
  }
  if (isCollectionWord(last.text)) {
    const operation = verb === "GET" || verb === "HEAD" ? "list" : verb === "POST" ? "create" : verb === "DELETE" ? "delete" : verb === "PUT" || verb === "PATCH" ? "update" : null;
    return { entity: entityName(last.text), operation, idParameter: null, parents };
  }
  // A singular resource (`/cart`, `/profile`): there is one per caller.
  if (NOT_ENTITIES.has(last.text.toLowerCase())) return null;
  const operation = verb === "GET" || verb === "HEAD" ? "read" : verb === "DELETE" ? "delete" : verb === "POST" || verb === "PUT" || verb === "PATCH" ? "update" : null;
  return { entity: entityName(last.text), operation, idParameter: null, parents };
}

function parentEntities(segments: readonly RouteSegment[]): string[] {
  const parents: string[] = [];
  for (let i = 0; i + 1 < segments.length; i++) {
    const segment = segments[i];
    if (segment.kind === "static" && segments[i + 1].kind === "param" && WORD.test(segment.text)) parents.push(entityName(segment.text));
  }
  return parents;
}

const RPC_VERBS: Record<string, EntityOperationKind> = {
  create: "create", add: "create", place: "create", insert: "create", new: "create", register: "create", submit: "create",
  get: "read", read: "read", fetch: "read", find: "read", retrieve: "read", show: "read", describe: "read", lookup: "read", load: "read",
  list: "list", search: "list", query: "list", browse: "list",
  update: "update", set: "update", modify: "update", edit: "update", change: "update", patch: "update", replace: "update",
  delete: "delete", remove: "delete", empty: "delete", clear: "delete", destroy: "delete", drop: "delete", purge: "delete", cancel: "delete",
};
/** Method nouns that name a part of the service's entity rather than an entity of their own. */
const PART_NOUNS = new Set(["item", "entry", "line", "element"]);

/**
 * `CartService/GetCart` → read cart; `ProductCatalogService/ListProducts` → list product;
 * `CartService/AddItem` → the cart (an item is part of it), which adding updates.
 */
export function nameRpcOperation(service: string, method: string): NamedOperation | null {
  const serviceWord = service.split(".").pop()!.replace(/Service$/, "");
  const words = method.replace(/([a-z0-9])([A-Z])/g, "$1 $2").split(/[\s_]+/).filter(Boolean);
  if (words.length === 0) return null;
  const verb = words[0].toLowerCase();
  const known = Object.hasOwn(RPC_VERBS, verb) ? RPC_VERBS[verb] : null;
  const nounWords = known ? words.slice(1) : words;
  const noun = nounWords.length > 0 ? entityName(nounWords.join("_")) : null;
  const serviceEntity = serviceWord ? entityName(serviceWord) : null;
  if (noun && !PART_NOUNS.has(noun) && known) return { entity: noun, operation: known, idParameter: null, parents: [] };
  if (!serviceEntity) return null;
  // Adding or removing a part changes the whole.
  const operation = noun && PART_NOUNS.has(noun) && known ? (known === "create" || known === "delete" ? "update" : known) : known;
  return { entity: serviceEntity, operation, idParameter: null, parents: [] };
}

/** A table names the entity its rows are: `orders`, `catalog.products` → order, product. */
export function nameTableEntity(table: string): string | null {
  const name = table.split(".").pop()!.replace(/["`[\]]/g, "");
  return WORD.test(name) ? entityName(name) : null;
}

const EVENT_OPERATIONS: Record<string, EntityOperationKind> = { created: "create", placed: "create", added: "create", updated: "update", changed: "update", modified: "update", deleted: "delete", removed: "delete", cancelled: "delete", canceled: "delete" };

/** `order.created`, `orders-updated`, `OrderCreated` → the entity and what happened to it. */
export function nameTopicEntity(topic: string): { entity: string; operation: EntityOperationKind | null } | null {
  const words = topic.replace(/([a-z0-9])([A-Z])/g, "$1.$2").split(/[.\-_/:]+/).filter(Boolean).map((w) => w.toLowerCase());
  const eventIndex = words.findIndex((w) => Object.hasOwn(EVENT_OPERATIONS, w));
  if (eventIndex > 0) return { entity: entityName(words[eventIndex - 1]), operation: EVENT_OPERATIONS[words[eventIndex]] };
  const last = words.at(-1);
  return last && WORD.test(last) && !/^v?\d+$/.test(last) ? { entity: entityName(last), operation: null } : null;
}

/** `customerId`, `customer_id`, `customer-id` → customer; `id` alone names nothing. */
export function nameIdField(field: string): string | null {
  const match = /^([A-Za-z][A-Za-z0-9]*?)[-_]?(Id|ID|_id|id)$/.exec(field);
  if (!match || match[1] === "" ) return null;
  const base = match[1].replace(/_$/, "");
  return base.length >= 2 ? entityName(base) : null;
}

/**
 * The entity each path parameter identifies: the static segment before it names it
 * (`/customers/:cid/orders/:id` → cid: customer, id: order).
 */
export function nameRouteParameters(route: string): Map<string, string> {
  const segments = parseRouteTemplate(route);
  const entities = new Map<string, string>();
  for (let i = 1; i < segments.length; i++) {
    const segment = segments[i];
    const before = segments[i - 1];
    if (segment.kind === "param" && before.kind === "static" && WORD.test(before.text) && !PREFIX.test(before.text)) entities.set(segment.name, entityName(before.text));
  }
  return entities;
}

/** `an order`, `a customer`: entity names in sentences. */
export function withArticle(entity: string): string {
  return `${/^[aeiou]/i.test(entity) ? "an" : "a"} ${entity.replace(/_/g, " ")}`;
}
