// Raw SQL straight on the driver adapter, for the few statements where Prisma's per-parameter
// JSON round trip costs more than the database work itself.
import type { ArgType, SqlDriverAdapter, SqlQueryable } from "@prisma/driver-adapter-utils";

// Parameters pass through to the driver unconverted; casts in the SQL give them their types.
const UNTYPED: ArgType = { scalarType: "unknown", arity: "scalar" };
let untypedArgs: ArgType[] = [];

function argTypes(count: number): ArgType[] {
  // The adapters read argTypes[i] by index only, so one shared array of any longer length serves.
  if (untypedArgs.length < count) untypedArgs = new Array(Math.max(count, 1024)).fill(UNTYPED);
  return untypedArgs;
}

export async function driverQuery(queryable: SqlQueryable, sql: string, args: unknown[]): Promise<unknown[][]> {
  const result = await queryable.queryRaw({ sql, args, argTypes: argTypes(args.length) });
  return result.rows;
}

export async function driverExecute(queryable: SqlQueryable, sql: string, args: unknown[]): Promise<number> {
  return queryable.executeRaw({ sql, args, argTypes: argTypes(args.length) });
}

/**
 * Runs `work` in one transaction. The adapters leave COMMIT and ROLLBACK to their caller
 * (Prisma's transaction manager sends them the same way); commit()/rollback() only release
 * the connection.
 */
export async function inDriverTransaction<T>(adapter: SqlDriverAdapter, work: (tx: SqlQueryable) => Promise<T>): Promise<T> {
  const tx = await adapter.startTransaction();
  let result: T;
  try {
    result = await work(tx);
    if (!tx.options.usePhantomQuery) await driverExecute(tx, "COMMIT", []);
  } catch (error) {
    try {
      if (!tx.options.usePhantomQuery) await driverExecute(tx, "ROLLBACK", []);
    } finally {
      await tx.rollback();
    }
    throw error;
  }
  await tx.commit();
  return result;
}

/** A JSON column as a driver returns it: text (both adapters return json and jsonb as text), or parsed. */
export function readJsonColumn(value: unknown): unknown {
  return typeof value === "string" ? JSON.parse(value) : value;
}
