import { describe, expect, it } from "vitest";
import { listenHost } from "./listen-host.mjs";

describe("listenHost", () => {
  it("listens where FLOWPRINT_HOST says, on every interface by default, with accounts on", () => {
    expect(listenHost({})).toEqual({ host: "0.0.0.0", warning: null });
    expect(listenHost({ FLOWPRINT_AUTH: "on", FLOWPRINT_HOST: "10.0.0.5" })).toEqual({ host: "10.0.0.5", warning: null });
  });

  it("keeps an instance without accounts on loopback, and says so", () => {
    expect(listenHost({ FLOWPRINT_AUTH: "off" })).toMatchObject({ host: "127.0.0.1", warning: expect.stringMatching(/listening on 127\.0\.0\.1 only/) });
    expect(listenHost({ FLOWPRINT_AUTH: "OFF", FLOWPRINT_HOST: "0.0.0.0" })).toMatchObject({ host: "127.0.0.1", warning: expect.stringMatching(/not 0\.0\.0\.0; set FLOWPRINT_OPEN_TO_NETWORK=1/) });
    expect(listenHost({ FLOWPRINT_AUTH: "off", FLOWPRINT_HOST: "::1" })).toEqual({ host: "::1", warning: null });
  });

  it("opens it to the network only when the operator says so", () => {
    expect(listenHost({ FLOWPRINT_AUTH: "off", FLOWPRINT_OPEN_TO_NETWORK: "1", FLOWPRINT_HOST: "0.0.0.0" })).toEqual({ host: "0.0.0.0", warning: null });
    expect(listenHost({ FLOWPRINT_AUTH: "off", FLOWPRINT_OPEN_TO_NETWORK: "1" })).toEqual({ host: "0.0.0.0", warning: null });
  });
});
