// "This path node is in the run's trace" as a trace_assert expression. A node is identified by
// `type:identifier` (lib/traces node-key), so the condition mirrors the typing rules of
// lib/traces/type-path-node on span attributes, current and older keys alike, rather than span
// names, which SDKs spell differently ("POST /orders", "POST", "HTTP POST").
import type { PathNode } from "../traces/path-node";
import { attributeAccess, equalsText, quoteText } from "./trace-assert-text";

// An identifier "POST /orders" is method and route; a route recorded without a method stands alone.
// Typing uppercases the method; the condition expects it recorded so, as the conventions require.
const METHOD_AND_ROUTE = /^([A-Z][A-Z0-9_]*) (.+)$/;

function anyOf(keys: string[], text: string): string {
  return keys.map((k) => equalsText(attributeAccess(k), text)).join(" or ");
}

/** The condition one span meets when it is typed as `node`: an `and` of parts or an `or` chain, whole inside `any(...)`. */
function nodeSpanCondition(node: Pick<PathNode, "type" | "identifier">): string {
  switch (node.type) {
    case "api_endpoint": {
      const split = METHOD_AND_ROUTE.exec(node.identifier);
      if (split) {
        const [, method, route] = split;
        return `${attributeAccess("http.route")} == ${quoteText(route)} and (${anyOf(["http.request.method", "http.method"], method)})`;
      }
      return `${attributeAccess("http.route")} == ${quoteText(node.identifier)} and ${attributeAccess("http.request.method")} == nil and ${attributeAccess("http.method")} == nil`;
    }
    case "database":
      // The identifier is the namespace, or the system when no namespace was recorded.
      return anyOf(["db.namespace", "db.name", "db.system.name", "db.system"], node.identifier);
    case "topic":
      return anyOf(["messaging.destination.name", "messaging.destination"], node.identifier);
    case "service":
      // The service's own span, or a client call to a service that sends no traces.
      return `.service == ${quoteText(node.identifier)} or ${anyOf(["peer.service", "server.address", "net.peer.name"], node.identifier)}`;
  }
}

/** True when some span of the trace is typed as `node`. */
export function nodePresentExpression(node: Pick<PathNode, "type" | "identifier">): string {
  return `trace.spans | any(${nodeSpanCondition(node)})`;
}
