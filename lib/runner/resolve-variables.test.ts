import { describe, expect, it } from "vitest";
import { resolveVariables } from "./resolve-variables";

describe("resolveVariables", () => {
  it("lets --var override the file and --base-url override base_url", () => {
    expect(resolveVariables({ base_url: "http://file", id: "o-1", extra: "x" }, { id: "o-2", added: "y", base_url: "http://var" }, "http://cli")).toEqual({
      base_url: "http://cli",
      id: "o-2",
      extra: "x",
      added: "y",
    });
    expect(resolveVariables({ base_url: "http://file" }, { base_url: "http://var" }, null).base_url).toBe("http://var");
  });

  it("gives a command-line value the type of the file variable it replaces when it reads as one", () => {
    expect(resolveVariables({ qty: 2, gift: false, code: "7" }, { qty: "3", gift: "true", code: "8" }, null)).toEqual({ qty: 3, gift: true, code: "8" });
    expect(resolveVariables({ qty: 2, gift: false }, { qty: "many", gift: "yes" }, null)).toEqual({ qty: "many", gift: "yes" });
    expect(resolveVariables({ qty: 2 }, { qty: " " }, null)).toEqual({ qty: " " });
  });
});
