import type { EntityManager } from 'typeorm';
import type { Office } from '../../contract/offices';

/**
 * What hand-overs of files between our offices (file_handover, Fallübergabe) change in sync. Across offices a file
 * has one writer, its keeping office; a hand-over moves that role. The old office then sends the whole file once to
 * the new one (export), the new one accepts it from the old one (import), and the old office removes its copy only
 * after the file has been sent to every member workstation (purge): nothing is lost if a workstation was offline.
 */

/**
 * Days a document copy written for the new keeping office stays on the share after the old office removed its own
 * copy of the file (sync_blob.kept_until): the new office's workstations fetch it when they read the hand-over, even
 * after weeks offline. After that IT would restore the share or the new office asks for the paper.
 */
export const HANDED_COPY_DAYS = 90;

export interface Handover {
  id: string;
  client: string;
  from: Office;
  to: Office;
}

/** The latest hand-over of each of the given clients (clients never handed over are absent). */
export async function latestHandovers(m: EntityManager, clientIds: readonly string[]): Promise<Map<string, Handover>> {
  const out = new Map<string, Handover>();
  for (let i = 0; i < clientIds.length; i += 500) {
    const part = clientIds.slice(i, i + 500);
    const rows = (await m.query(
      `SELECT id, client_id AS client, from_office AS "from", to_office AS "to" FROM file_handover
       WHERE client_id IN (${part.map(() => '?').join(',')}) ORDER BY created_at, id`,
      part,
    )) as Handover[];
    for (const r of rows) out.set(r.client, r);
  }
  return out;
}

/**
 * The files among `clientIds` that left `office` by hand-over (their latest hand-over is from it), with the office
 * they went to. The old office still passes on what it holds of them: the whole file to the new keeping office,
 * and to other offices the change of keeping office (as far as a consent lets them hold the file at all).
 */
export async function handedAway(m: EntityManager, clientIds: readonly string[], office: Office): Promise<Map<string, Office>> {
  const out = new Map<string, Office>();
  if (!clientIds.length) return out;
  for (const [client, h] of await latestHandovers(m, clientIds)) if (h.from === office) out.set(client, h.to);
  return out;
}

/**
 * The files still held here that left `office` by hand-over, each with its keeping office now and whether this
 * workstation has sent the hand-over to every member workstation, among them at least one of the new office: only
 * then may its copy shrink to what a consent still allows. Until then it stays whole, whatever consents say.
 */
export async function handedAwayHere(m: EntityManager, office: Office, ownDevice: string): Promise<Map<string, { office: Office; sent: boolean }>> {
  const rows = (await m.query(
    `SELECT h.client_id AS client, h.to_office AS "to", c.office AS keeper,
       (SELECT MIN(e.id) FROM change_entry e WHERE e.entity = 'file_handover' AND e.entity_id = h.id) AS entry
     FROM file_handover h JOIN client c ON c.id = h.client_id AND c.office <> ?
     WHERE h.from_office = ? AND NOT EXISTS (
       SELECT 1 FROM file_handover l WHERE l.client_id = h.client_id AND (l.created_at > h.created_at OR (l.created_at = h.created_at AND l.id > h.id)))`,
    [office, office],
  )) as { client: string; to: Office; keeper: Office; entry: number | null }[];
  const out = new Map<string, { office: Office; sent: boolean }>();
  if (!rows.length) return out;
  const devices = (await m.query(`SELECT office, sent_upto FROM sync_device WHERE status = 'member' AND device_id <> ?`, [ownDevice])) as { office: Office; sent_upto: number }[];
  for (const r of rows) {
    const sent = r.entry !== null && devices.some((d) => d.office === r.to) && devices.every((d) => d.sent_upto >= r.entry!);
    out.set(r.client, { office: r.keeper, sent });
  }
  return out;
}
