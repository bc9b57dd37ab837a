import type { EntityManager } from 'typeorm';
import { contract, type MethodName } from '../../contract/methods';
import { personRecordsCondition } from '../audit-trail/audit-query';

/**
 * "Who saw my file": from the audit trail, which accounts read, changed or printed the person's file (the record
 * and everything filed under it), grouped per account and kind of access with the first and last time and how
 * often, not line by line. Refused calls and the workstation's own sync work (no account) are left out.
 */
export type ViewKind = 'read' | 'changed' | 'printed';

export interface FileViewer {
  actorId: string;
  name: string;
  role: string;
  office: string;
  kind: ViewKind;
  count: number;
  first: string;
  last: string;
}

/** Prints and exports hand the data on; the rest is a read or a write by the method's audit rule. */
export function kindOf(action: string): ViewKind | null {
  if (/print|accessReport|export/i.test(action)) return 'printed';
  if (!Object.prototype.hasOwnProperty.call(contract, action)) return null;
  const rule = contract[action as MethodName].audit;
  return rule.kind === 'read' ? 'read' : rule.kind === 'write' ? 'changed' : null;
}

const KIND_ORDER: readonly ViewKind[] = ['read', 'changed', 'printed'];

/** One line of the trail's per-action summary: who, in which role and office, did which action how often, when. */
export interface ViewerRow {
  actor_id: string;
  display_name: string | null;
  actor_role: string | null;
  office: string | null;
  action: string;
  n: number;
  first: string;
  last: string;
}

/** Folds the per-action summary into one line per account, role, office and kind of access (pure: property-tested). */
export function groupViewers(rows: readonly ViewerRow[]): FileViewer[] {
  const groups = new Map<string, FileViewer>();
  for (const r of rows) {
    const kind = kindOf(r.action);
    if (!kind) continue;
    const key = JSON.stringify([r.actor_id, r.actor_role ?? '', r.office ?? '', kind]);
    const g = groups.get(key);
    if (!g) {
      groups.set(key, { actorId: r.actor_id, name: r.display_name ?? '', role: r.actor_role ?? '', office: r.office ?? '', kind, count: Number(r.n), first: r.first, last: r.last });
      continue;
    }
    g.count += Number(r.n);
    if (r.first < g.first) g.first = r.first;
    if (r.last > g.last) g.last = r.last;
  }
  return [...groups.values()].sort(
    (a, b) =>
      a.name.localeCompare(b.name, 'de') ||
      a.actorId.localeCompare(b.actorId) ||
      a.role.localeCompare(b.role) ||
      a.office.localeCompare(b.office) ||
      KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind),
  );
}

/** Who read, changed or printed the person's file, grouped (see groupViewers). */
export async function fileViewers(m: EntityManager, clientId: string): Promise<FileViewer[]> {
  const person = personRecordsCondition('e.entity_id', clientId);
  const rows = (await m.query(
    `SELECT e.actor_id, a.display_name, e.actor_role, e.office, e.action, count(*) AS n, min(e.at) AS first, max(e.at) AS last
     FROM audit_entry e LEFT JOIN account a ON a.id = e.actor_id
     WHERE ${person.sql} AND e.outcome = 'ok' AND e.actor_id IS NOT NULL
     GROUP BY e.actor_id, e.actor_role, e.office, e.action`,
    person.params,
  )) as ViewerRow[];
  return groupViewers(rows);
}
