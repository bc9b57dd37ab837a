import type { Statement } from 'better-sqlite3-multiple-ciphers';
import type { DataSource, EntitySchema } from 'typeorm';
import type { SqliteDatabase } from '../../../electron/core/platform/vault/sqlcipher';

/** Inserts one row of an entity; returns nothing, like a bulk write should. */
export type InsertRow<T> = (row: T) => void;

/**
 * A prepared INSERT built from the entity schema the services write through: table and column names come from
 * TypeORM's metadata and each value is converted by the driver's own preparePersistentValue (booleans to 0/1),
 * so demo rows cannot drift from the schema the app uses. Only the statement is our own: TypeORM builds SQL per
 * row, too slow for a million notes. Generated columns (auto-increment ids) are left to the database.
 */
export function entityInsert<T extends object, Generated extends keyof T = never>(
  db: SqliteDatabase,
  dataSource: DataSource,
  entity: EntitySchema<T>,
): InsertRow<Omit<T, Generated>> {
  const metadata = dataSource.getMetadata(entity);
  const columns = metadata.columns.filter((c) => !c.isGenerated);
  const sql = `INSERT INTO "${metadata.tableName}" (${columns.map((c) => `"${c.databaseName}"`).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`;
  const statement: Statement = db.prepare(sql);
  const driver = dataSource.driver;
  return (row) => {
    const values = columns.map((c) => {
      const value = (row as Record<string, unknown>)[c.propertyName];
      // A column the generator does not fill (e.g. one a new migration added) must fail here, not become NULL.
      if (value === undefined) throw new Error(`demo row for ${metadata.tableName} has no value for ${c.propertyName}`);
      return driver.preparePersistentValue(value, c) as unknown;
    });
    statement.run(values);
  };
}
