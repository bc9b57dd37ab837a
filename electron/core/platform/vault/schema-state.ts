import type { EntityManager } from 'typeorm';
import { MIGRATIONS } from './migrations';

/** The schema version this app brings (one per migration) and the one the vault records, read now from the vault. */
export async function schemaState(m: EntityManager): Promise<{ vault: number; app: number }> {
  const rows = (await m.query('SELECT count(*) AS n FROM migrations')) as { n: number }[];
  return { vault: Number(rows[0]?.n ?? 0), app: MIGRATIONS.length };
}
