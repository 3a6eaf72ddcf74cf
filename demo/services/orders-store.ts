// The orders service's database: better-sqlite3 in memory, each statement wrapped in a CLIENT
// span that follows the database semantic conventions, since no auto-instrumentation exists
// for better-sqlite3 and Flowprint types a span as a database by `db.system.name`.
import Database from "better-sqlite3";
import { SpanKind, SpanStatusCode, type Tracer } from "@opentelemetry/api";
import {
  ATTR_DB_COLLECTION_NAME,
  ATTR_DB_NAMESPACE,
  ATTR_DB_OPERATION_NAME,
  ATTR_DB_QUERY_TEXT,
  ATTR_DB_SYSTEM_NAME,
} from "@opentelemetry/semantic-conventions";
import { chance } from "../latency";

const READ_FAILURE_SHARE = Number(process.env.DEMO_READ_FAILURE_SHARE ?? 0.03);

export interface OrderRecord {
  id: string;
  customerId: string;
  /** JSON of the order lines, as stored. */
  items: string;
  totalCents: number;
  createdAt: string;
}

const INSERT_SQL =
  "INSERT INTO orders (id, customer_id, items, total_cents, created_at) VALUES (?, ?, ?, ?, ?)";
const SELECT_SQL =
  "SELECT id, customer_id AS customerId, items, total_cents AS totalCents, created_at AS createdAt FROM orders WHERE id = ?";

export class OrdersStore {
  private readonly db = new Database(":memory:");
  private readonly insert;
  private readonly select;

  constructor(private readonly tracer: Tracer) {
    this.db.exec(
      "CREATE TABLE orders (id TEXT PRIMARY KEY, customer_id TEXT NOT NULL, items TEXT NOT NULL, total_cents INTEGER NOT NULL, created_at TEXT NOT NULL)",
    );
    this.insert = this.db.prepare(INSERT_SQL);
    this.select = this.db.prepare<[string], OrderRecord>(SELECT_SQL);
  }

  save(order: OrderRecord): void {
    this.traced("INSERT", INSERT_SQL, () => {
      this.insert.run(order.id, order.customerId, order.items, order.totalCents, order.createdAt);
    });
  }

  find(id: string): OrderRecord | undefined {
    return this.traced("SELECT", SELECT_SQL, () => {
      // The demo's failure no attribute explains: now and then a read finds the database busy,
      // whoever asks for whichever order.
      if (chance(READ_FAILURE_SHARE)) throw new Error("database is locked");
      return this.select.get(id);
    });
  }

  private traced<T>(operation: string, queryText: string, run: () => T): T {
    // Span name per semconv: "{db.operation.name} {db.collection.name}".
    return this.tracer.startActiveSpan(
      `${operation} orders`,
      {
        kind: SpanKind.CLIENT,
        attributes: {
          [ATTR_DB_SYSTEM_NAME]: "sqlite",
          [ATTR_DB_NAMESPACE]: "orders",
          [ATTR_DB_COLLECTION_NAME]: "orders",
          [ATTR_DB_OPERATION_NAME]: operation,
          // Parameterized text only: values never go into span attributes.
          [ATTR_DB_QUERY_TEXT]: queryText,
        },
      },
      (span) => {
        try {
          return run();
        } catch (error) {
          span.recordException(error as Error);
          span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error).message });
          throw error;
        } finally {
          span.end();
        }
      },
    );
  }
}
