import { describe, expect, it } from "vitest";
import { templateUrl, variableName } from "./template-url";

describe("templateUrl", () => {
  it("turns route parameters into variables with the recorded values", () => {
    expect(templateUrl("/api/v1/orders/:id/checkout", "/api/v1/orders/10023/checkout", null)).toEqual({
      url: "{{base_url}}/api/v1/orders/{{id}}/checkout",
      variables: { id: "10023" },
    });
    expect(templateUrl("/users/{user-id}/items/{item}", "/users/u%201/items/7", "expand=true")).toEqual({
      url: "{{base_url}}/users/{{user_id}}/items/{{item}}?expand=true",
      variables: { user_id: "u 1", item: "7" },
    });
  });

  it("keeps a route without parameters, and declares unknown values empty", () => {
    expect(templateUrl("/orders", "/orders", null)).toEqual({ url: "{{base_url}}/orders", variables: {} });
    expect(templateUrl("/orders/:id", null, null)).toEqual({ url: "{{base_url}}/orders/{{id}}", variables: { id: "" } });
  });

  it("never lets a parameter shadow base_url", () => {
    expect(variableName("base_url")).toBe("base_url_param");
    expect(variableName("9lives")).toBe("_9lives");
  });
});
