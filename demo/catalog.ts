// Fixed demo data shared by the services that own it (users, products) and the traffic
// generator that picks from it, so generated requests mostly hit existing records.

export type CustomerTier = "standard" | "gold";

export interface Customer {
  id: string;
  name: string;
  email: string;
  tier: CustomerTier;
}

export interface Product {
  id: string;
  name: string;
  priceCents: number;
  /** Lookups of "machines" fail now and then (DEMO_SUPPLIER_FAILURE_SHARE): the demo's failure that an attribute explains. */
  category: string;
  /** 0 means out of stock: ordering it fails with 409, the demo's error path. */
  stock: number;
}

const CUSTOMER_NAMES = [
  "Amira Haddad", "Ben Okafor", "Carla Mendes", "Daniel Kowalski", "Elena Petrova",
  "Farid Rahimi", "Grace Lin", "Hugo Laurent", "Ines Fischer", "Jonas Berg",
  "Keiko Tanaka", "Liam O'Brien", "Maya Cohen", "Nikhil Rao", "Olivia Brown",
  "Pablo Ortega", "Quinn Murphy", "Rosa Alvarez", "Samuel Adeyemi", "Tara Singh",
];

export const CUSTOMERS: Customer[] = CUSTOMER_NAMES.map((name, i) => {
  const id = `c-${String(i + 1).padStart(3, "0")}`;
  // Two of twenty are gold: with the generator's weighting about 10% of orders take the
  // loyalty path.
  const tier: CustomerTier = i < 2 ? "gold" : "standard";
  return { id, name, email: `customer${i + 1}@example.test`, tier };
});

export const PRODUCTS: Product[] = [
  { id: "p-100", name: "Espresso beans 1 kg", category: "beans", priceCents: 2490, stock: 1_000_000 },
  { id: "p-101", name: "Pour-over kettle", category: "brewing", priceCents: 4900, stock: 1_000_000 },
  { id: "p-102", name: "Burr grinder", category: "grinders", priceCents: 12900, stock: 1_000_000 },
  { id: "p-103", name: "Paper filters x100", category: "filters", priceCents: 590, stock: 1_000_000 },
  { id: "p-104", name: "Ceramic mug", category: "cups", priceCents: 1490, stock: 1_000_000 },
  { id: "p-105", name: "Milk frother", category: "milk", priceCents: 3990, stock: 1_000_000 },
  { id: "p-106", name: "Espresso machine", category: "machines", priceCents: 64900, stock: 1_000_000 },
  { id: "p-199", name: "Limited edition roast", category: "beans", priceCents: 3200, stock: 0 },
];

export const OUT_OF_STOCK_PRODUCT_ID = "p-199";
