import { migrate, TABLES } from "./schema.js";
import { placeholders, type SqlDatabase } from "./sql-database.js";

/**
 * Copies every row of every table in TABLES from one database into another that holds none yet
 * (both migrated to the same schema), in one transaction: all of it arrives, or none.
 */
export async function copyDatabase(
  from: SqlDatabase,
  to: SqlDatabase,
): Promise<Record<string, number>> {
  await migrate(from);
  await migrate(to);
  for (const table of TABLES) {
    const present = await to.get<{ count: number | string }>(
      `SELECT COUNT(*) AS count FROM ${table}`,
    );
    if (Number(present?.count ?? 0) > 0) {
      throw new Error(
        `the target already holds data (table ${table}): copy into an empty database`,
      );
    }
  }
  const copied: Record<string, number> = {};
  await to.transaction(async (tx) => {
    for (const table of TABLES) {
      const rows = await from.all<Record<string, unknown>>(`SELECT * FROM ${table}`);
      for (const row of rows) {
        const columns = Object.keys(row);
        await tx.run(
          `INSERT INTO ${table} (${columns.join(", ")}) VALUES (${placeholders(columns)})`,
          columns.map((column) => row[column]),
        );
      }
      copied[table] = rows.length;
    }
  });
  return copied;
}
