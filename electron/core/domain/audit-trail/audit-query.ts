import type { z } from 'zod';
import type { auditFilterSchema } from '../../contract/schemas/common-schemas';
import { loadKeyring } from '../../platform/vault/vault';
import { confirmCaller } from '../users/reauthentication';
import type { AuditEntryView } from '../../contract/types/audit-types';
import type { AuditPage } from '../../contract/types/audit-types';
import type { AuditExport } from '../../contract/types/audit-types';
import type { ServiceContext } from '../service-context';
import { addDays, berlinDayStart } from '../../contract/dates';

type Filter = z.output<typeof auditFilterSchema>;

/** Records that belong to a client (`$id`); records deleted since keep their entries, but no longer map to the person. */
const PERSON_RECORDS = [
  'SELECT id FROM kim_case WHERE client_id = $id',
  'SELECT id FROM document WHERE client_id = $id',
  'SELECT id FROM household_member WHERE client_id = $id',
  'SELECT id FROM residence_status WHERE client_id = $id',
  'SELECT id FROM consent WHERE client_id = $id',
  'SELECT n.id FROM note n JOIN kim_case k ON k.id = n.case_id WHERE k.client_id = $id',
  'SELECT g.id FROM goal g JOIN kim_case k ON k.id = g.case_id WHERE k.client_id = $id',
  'SELECT m.id FROM measure m JOIN goal g ON g.id = m.goal_id JOIN kim_case k ON k.id = g.case_id WHERE k.client_id = $id',
  'SELECT f.id FROM follow_up f JOIN kim_case k ON k.id = f.case_id WHERE k.client_id = $id',
  'SELECT id FROM referral WHERE client_id = $id',
  'SELECT id FROM case_conference WHERE client_id = $id',
];

/**
 * `<column> IN (…)` for a person's record and everything filed under it: the audit entries that are about the
 * person ("who saw this person's file"), for the trail's person filter and the Art. 15 report.
 */
export function personRecordsCondition(column: string, clientId: string): { sql: string; params: unknown[] } {
  const parts = PERSON_RECORDS.map((q) => q.replaceAll('$id', '?'));
  return {
    sql: `${column} IN (SELECT ? UNION ALL ${parts.join(' UNION ALL ')})`,
    params: [clientId, ...parts.flatMap((q) => Array.from({ length: q.split('?').length - 1 }, () => clientId))],
  };
}

function whereClause(f: Filter): { sql: string; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (cond: string, value: unknown) => {
    where.push(cond);
    params.push(value);
  };
  if (f.actorId) add('e.actor_id = ?', f.actorId);
  if (f.entity) add('e.entity = ?', f.entity);
  if (f.entityId) {
    // A person's record and everything filed under it (cases, documents, notes …): "who saw this person's file".
    const person = personRecordsCondition('e.entity_id', f.entityId);
    where.push(person.sql);
    params.push(...person.params);
  }
  if (f.action) add('e.action = ?', f.action);
  // Dates are Berlin calendar days; `at` is a UTC instant, so the period runs from the start of "from" there to the
  // start of the day after "to".
  if (f.from) add('e.at >= ?', berlinDayStart(f.from));
  if (f.to) add('e.at < ?', berlinDayStart(addDays(f.to, 1)));
  return { sql: where.length ? ` WHERE ${where.join(' AND ')}` : '', params };
}

const SELECT = `SELECT e.id, e.at, e.actor_id, a.login AS actor_login, a.display_name AS actor_name, e.actor_role, e.office,
  e.action, e.entity, e.entity_id, e.fields, e.outcome FROM audit_entry e LEFT JOIN account a ON a.id = e.actor_id`;

interface Row {
  id: number;
  at: string;
  actor_id: string | null;
  actor_login: string | null;
  actor_name: string | null;
  actor_role: string | null;
  office: string | null;
  action: string;
  entity: string | null;
  entity_id: string | null;
  fields: string | null;
  outcome: string;
}

function toView(r: Row): AuditEntryView {
  return {
    id: r.id,
    at: r.at,
    actorId: r.actor_id,
    actorLogin: r.actor_login,
    actorName: r.actor_name,
    actorRole: r.actor_role,
    office: r.office,
    action: r.action,
    entity: r.entity,
    entityId: r.entity_id,
    fields: r.fields ? (JSON.parse(r.fields) as string[]) : [],
    outcome: r.outcome,
  };
}

/** A page of the audit trail, newest first. The trail holds ids and field names, never personal values. */
export async function listAudit(ctx: ServiceContext, f: Filter & { offset: number; limit: number }): Promise<AuditPage> {
  const { tx } = ctx;
  const { sql, params } = whereClause(f);
  const rows = (await tx.query(`${SELECT}${sql} ORDER BY e.id DESC LIMIT ? OFFSET ?`, [...params, f.limit, f.offset])) as Row[];
  const [{ total }] = (await tx.query(`SELECT count(*) AS total FROM audit_entry e${sql}`, params)) as [{ total: number }];
  return { rows: rows.map(toView), total };
}

function csvCell(v: unknown): string {
  const s = v === null || v === undefined ? '' : Array.isArray(v) ? v.join(' ') : String(v);
  // Quote everything; neutralise spreadsheet formulas (CSV injection) by prefixing an apostrophe.
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return `"${safe.replace(/"/g, '""')}"`;
}

/** CSV of the filtered trail for the data protection officer; asks for the passphrase again (an export). */
export async function exportAuditCsv(ctx: ServiceContext, f: Filter & { confirmPassphrase: string }): Promise<AuditExport> {
  const { tx } = ctx;
  await confirmCaller(ctx, loadKeyring(ctx.dataDir), f.confirmPassphrase);
  const { sql, params } = whereClause(f);
  const rows = ((await tx.query(`${SELECT}${sql} ORDER BY e.id`, params)) as Row[]).map(toView);
  const header = ['id', 'at', 'actor_login', 'actor_name', 'actor_role', 'office', 'action', 'entity', 'entity_id', 'fields', 'outcome'];
  const lines = rows.map((r) =>
    [r.id, r.at, r.actorLogin, r.actorName, r.actorRole, r.office, r.action, r.entity, r.entityId, r.fields, r.outcome].map(csvCell).join(';'),
  );
  ctx.audit.fields.push(...Object.keys(f).filter((k) => k !== 'confirmPassphrase'));
  return { fileName: `audit-${ctx.now.toISOString().slice(0, 10)}.csv`, csv: `\uFEFF${header.join(';')}\r\n${lines.join('\r\n')}\r\n`, rows: rows.length };
}
