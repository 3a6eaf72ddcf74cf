import { describe, expect, it } from "vitest";
import { isSameOriginRequest, type OriginHeaders } from "./same-origin";

const base: OriginHeaders = { method: "PUT", origin: null, referer: null, secFetchSite: null, host: "flowprint.local:3000", publicOrigin: null };

describe("isSameOriginRequest", () => {
  it("lets reads through whatever their origin", () => {
    expect(isSameOriginRequest({ ...base, method: "GET", origin: "https://evil.example" })).toBe(true);
  });

  it("accepts a change from a page of this instance", () => {
    expect(isSameOriginRequest({ ...base, origin: "http://flowprint.local:3000" })).toBe(true);
    expect(isSameOriginRequest({ ...base, secFetchSite: "same-origin", origin: "http://flowprint.local:3000" })).toBe(true);
    expect(isSameOriginRequest({ ...base, referer: "http://flowprint.local:3000/w/shop/settings" })).toBe(true);
  });

  it("refuses a change from another site, or one that says nothing of where it comes from", () => {
    expect(isSameOriginRequest({ ...base, origin: "https://evil.example" })).toBe(false);
    expect(isSameOriginRequest({ ...base, secFetchSite: "cross-site", origin: "http://flowprint.local:3000" })).toBe(false);
    expect(isSameOriginRequest({ ...base, secFetchSite: "same-site", origin: "http://other.local:3000" })).toBe(false);
    expect(isSameOriginRequest({ ...base, method: "delete" })).toBe(false);
    expect(isSameOriginRequest({ ...base, origin: "null" })).toBe(false);
  });

  it("accepts the public URL's origin behind a proxy", () => {
    expect(isSameOriginRequest({ ...base, host: "127.0.0.1:3000", origin: "https://flowprint.example.com", publicOrigin: "https://flowprint.example.com" })).toBe(true);
  });
});
