import { describe, expect, it } from "vitest";
import { classifyTraffic, decodeTraceRequest, isHealthPath, isSyntheticUserAgent } from "./index";
import { SpanKind, type Attributes, type SpanKindNumber } from "./span";

function span(name: string, kind: SpanKindNumber, attributes: Attributes = {}, resourceAttributes: Attributes = {}) {
  return classifyTraffic({ name, kind, attributes, resourceAttributes });
}

describe("isTestGenerated", () => {
  it.each<[string, string, Attributes, Attributes, boolean]>([
    ["a span the test runner created", "flowprint.execute", {}, {}, true],
    ["a span of a test execution", "GET /orders", { "flowprint.execution.id": "exec_1" }, {}, true],
    ["a process tagged as a test run", "GET /orders", {}, { "flowprint.execution.id": "exec_1" }, true],
    ["ordinary traffic", "GET /orders", { "http.route": "/orders" }, {}, false],
    ["a name merely containing flowprint", "sync.flowprint.jobs", {}, {}, false],
    ["another execution attribute", "GET /orders", { "flowprint.execution": "x" }, {}, false],
  ])("%s → %s", (_label, name, attributes, resourceAttributes, expected) => {
    expect(span(name, SpanKind.SERVER, attributes, resourceAttributes).isTestGenerated).toBe(expected);
  });
});

describe("isSyntheticUserAgent", () => {
  it.each([
    // Health checkers and scrapers
    ["kube-probe/1.29", true],
    ["Prometheus/2.53.0", true],
    ["GoogleHC/1.0", true],
    ["ELB-HealthChecker/2.0", true],
    // Crawlers
    ["Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)", true],
    ["Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm) Chrome/116.0.1938.76 Safari/537.36", true],
    ["Mozilla/5.0 (compatible; YandexBot/3.0; +http://yandex.com/bots)", true],
    ["Mozilla/5.0 (compatible; Baiduspider/2.0; +http://www.baidu.com/search/spider.html)", true],
    ["Sogou web spider/4.0(+http://www.sogou.com/docs/help/webmasters.htm#07)", true],
    ["Mozilla/5.0 (compatible; AhrefsBot/7.0; +http://ahrefs.com/robot/)", true],
    ["DuckDuckBot/1.1; (+http://duckduckgo.com/duckduckbot.html)", true],
    ["Mozilla/5.0 (compatible; Yahoo! Slurp; http://help.yahoo.com/help/us/ysearch/slurp)", true],
    ["facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)", true],
    ["some-crawler/0.1", true],
    ["my bot", true],
    // Browsers and ordinary clients
    ["Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36", false],
    ["Mozilla/5.0 (Macintosh; Intel Mac OS X 14_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15", false],
    ["Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0", false],
    ["Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1", false],
    ["Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0", false],
    ["Mozilla/5.0 (Linux; Android 12; CUBOT KINGKONG 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36", false],
    ["Mozilla/5.0 (Linux; Android 13; Pixel 7 Build/TQ3A.230805.001; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/116.0 Mobile Safari/537.36", false],
    ["curl/8.5.0", false],
    ["python-requests/2.32.3", false],
    ["OTel-OTLP-Exporter-JavaScript/0.223.1", false],
    ["axios/1.7.9", false],
    ["Robotics-Dashboard/1.0", false],
    ["my-prometheus-exporter/1.0", false],
  ])("%s → %s", (userAgent, expected) => {
    expect(isSyntheticUserAgent(userAgent)).toBe(expected);
  });
});

describe("isHealthPath", () => {
  it.each([
    ["/health", true],
    ["/healthz", true],
    ["/healthz/", true],
    ["/livez", true],
    ["/readyz", true],
    ["/ready", true],
    ["/ping", true],
    ["/health?full=1", true],
    ["/", false],
    ["/healthcheck", false],
    ["/api/health", false],
    ["/health/db", false],
    ["/Health", false],
    ["/pingpong", false],
    ["/orders", false],
  ])("%s → %s", (path, expected) => {
    expect(isHealthPath(path)).toBe(expected);
  });
});

describe("isSynthetic", () => {
  it.each<[string, SpanKindNumber, Attributes, boolean]>([
    ["a probe by user_agent.original", SpanKind.SERVER, { "user_agent.original": "kube-probe/1.30" }, true],
    ["a probe by the older http.user_agent", SpanKind.SERVER, { "http.user_agent": "ELB-HealthChecker/2.0" }, true],
    ["a bot by the captured request header (an array)", SpanKind.SERVER, { "http.request.header.user-agent": ["Googlebot/2.1"] }, true],
    ["a browser by the captured request header", SpanKind.SERVER, { "http.request.header.user-agent": ["Mozilla/5.0 Firefox/133.0"] }, false],
    ["a server span on /healthz by route", SpanKind.SERVER, { "http.route": "/healthz" }, true],
    ["a server span on /ready/ by url.path", SpanKind.SERVER, { "url.path": "/ready/" }, true],
    ["a server span on /ping?x=1 by http.target", SpanKind.SERVER, { "http.target": "/ping?x=1" }, true],
    ["a client span calling /health", SpanKind.CLIENT, { "url.path": "/health" }, false],
    ["an internal span with a health-like path", SpanKind.INTERNAL, { "http.route": "/health" }, false],
    ["a server span on a real route", SpanKind.SERVER, { "http.route": "/orders/:id", "user_agent.original": "Mozilla/5.0 Chrome/131.0" }, false],
    ["a non-string user agent", SpanKind.SERVER, { "user_agent.original": 5 }, false],
  ])("%s → %s", (_label, kind, attributes, expected) => {
    expect(span("GET", kind, attributes).isSynthetic).toBe(expected);
  });
});

describe("classification during decoding", () => {
  it("marks decoded spans", () => {
    const body = JSON.stringify({
      resourceSpans: [
        {
          resource: { attributes: [{ key: "service.name", value: { stringValue: "orders" } }] },
          scopeSpans: [
            {
              spans: [
                { traceId: "5b8efff798038103d269b633813fc60c", spanId: "0000000000000001", name: "GET /healthz", kind: 2, attributes: [{ key: "http.route", value: { stringValue: "/healthz" } }] },
                { traceId: "5b8efff798038103d269b633813fc60c", spanId: "0000000000000002", name: "flowprint.run", kind: 1 },
                { traceId: "5b8efff798038103d269b633813fc60c", spanId: "0000000000000003", name: "GET /orders", kind: 2 },
              ],
            },
          ],
        },
      ],
    });
    const { spans } = decodeTraceRequest(new TextEncoder().encode(body), "json", "w", 0);
    expect(spans.map((s) => [s.isSynthetic, s.isTestGenerated])).toStrictEqual([
      [true, false],
      [false, true],
      [false, false],
    ]);
  });
});
