import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { handoverAcceptInput, handoverSendInput } from '../../contract/schemas/handover-schemas';
import type { HandoverConsentOption, HandoverPreparation, HandoverView, IncomingHandover } from '../../contract/types/handover-types';
import { AppError } from '../../contract/errors';
import { berlinDate } from '../../contract/dates';
import type { DataCategory } from '../../contract/data-categories';
import { HANDOVER_OFFICES, HANDOVER_ROLES, type HandoverReason } from '../../contract/handover-domain';
import type { Office } from '../../contract/offices';
import { recordChange } from '../../platform/sync/change-recorder';
import { loadKeyring } from '../../platform/vault/vault';
import { stampOf } from '../service-context';
import { AccessDenied } from '../access/access-denied';
import type { ClientDataContext } from '../access/call-access';
import { requireCaseWorker } from '../cases/case-service';
import { refreshClientCaseColumns } from '../clients/client-service';
import { confirmCaller } from '../users/reauthentication';
import { loadOwnDevice } from '../sync/own-device';
import { ensurePlaceholder } from '../sync/data-import';
import { officePlaceholderAccount } from '../sync/sync-registry';
import { heldCategories } from './held-categories';

/**
 * Hand-over of a client file to another of our offices (Fallübergabe). The keeping office hands the file over,
 * relying on a consent that releases every category the file holds to the receiving office; from then on that
 * office keeps it (`client.office`), and sync carries the whole file there (domain/sync/handover-scope.ts). The open
 * cases and their Wiedervorlagen wait for the receiving office's case manager (the office's placeholder account)
 * until one takes the file over. Both offices' audit trails record it: the sending here, the arrival in sync.
 */

interface ConsentRow {
  id: string;
  parties: string;
  categories: string;
  valid_from: string;
  valid_until: string | null;
}

function requireHandoverRole(ctx: ClientDataContext, clientId: string): void {
  if (!HANDOVER_ROLES.includes(ctx.user.role)) throw new AccessDenied('role', { entity: 'client', entityId: clientId, fields: ['handover'] });
}

/** Consents of the file in force today that name `office`, each with what of the held categories it leaves out. */
async function consentOptions(ctx: ClientDataContext, clientId: string, office: Office, held: readonly DataCategory[]): Promise<HandoverConsentOption[]> {
  const today = berlinDate(ctx.now);
  const rows = (await ctx.tx.query(
    `SELECT id, parties, categories, valid_from, valid_until FROM consent
     WHERE client_id = ? AND revoked_on IS NULL AND valid_from <= ? AND (valid_until IS NULL OR valid_until >= ?)
     ORDER BY valid_from DESC, id`,
    [clientId, today, today],
  )) as ConsentRow[];
  return rows
    .filter((r) => (JSON.parse(r.parties) as string[]).includes(office))
    .map((r) => {
      const granted = new Set(JSON.parse(r.categories) as DataCategory[]);
      return { id: r.id, validFrom: r.valid_from, validUntil: r.valid_until, missing: held.filter((c) => !granted.has(c)) };
    })
    .sort((a, b) => a.missing.length - b.missing.length);
}

/** Offices with a member workstation in this workstation's sync network. */
async function officesInNetwork(ctx: ClientDataContext): Promise<Set<Office>> {
  const rows = (await ctx.tx.query(`SELECT DISTINCT office FROM sync_device WHERE status = 'member'`)) as { office: Office }[];
  return new Set(rows.map((r) => r.office));
}

/** What handing the file over needs, per office that could receive it: the dialog says precisely what is missing. */
export async function prepareHandover(ctx: ClientDataContext, clientId: string): Promise<HandoverPreparation> {
  requireHandoverRole(ctx, clientId);
  const held = await heldCategories(ctx.tx, clientId);
  const joined = (await loadOwnDevice(ctx.tx, ctx.user.office)) !== null;
  const inNetwork = joined ? await officesInNetwork(ctx) : new Set<Office>();
  const offices = [];
  for (const office of HANDOVER_OFFICES) {
    if (office === ctx.user.office) continue;
    offices.push({ office, inNetwork: inNetwork.has(office), consents: await consentOptions(ctx, clientId, office, held) });
  }
  ctx.audit.entityIds.push(clientId);
  return { clientId, heldCategories: held, networkJoined: joined, offices };
}

/** Moves the open cases and their open Wiedervorlagen to the receiving office, waiting for its case manager. */
async function moveOpenWork(ctx: ClientDataContext, clientId: string, to: Office): Promise<void> {
  const placeholder = await ensurePlaceholder(ctx.tx, to, ctx.now.toISOString());
  const cases = (await ctx.tx.query(`SELECT id FROM kim_case WHERE client_id = ? AND closed_on IS NULL`, [clientId])) as { id: string }[];
  for (const k of cases) {
    await ctx.tx.query(`UPDATE kim_case SET office = ?, case_manager_id = ?, updated_at = ?, version = version + 1 WHERE id = ?`, [to, placeholder, ctx.now.toISOString(), k.id]);
    await recordChange(ctx.tx, stampOf(ctx), { entity: 'case', entityId: k.id, fields: ['office', 'caseManagerId'] });
  }
  const followUps = (await ctx.tx.query(
    `SELECT f.id FROM follow_up f JOIN kim_case k ON k.id = f.case_id WHERE k.client_id = ? AND k.closed_on IS NULL AND f.done_at IS NULL`,
    [clientId],
  )) as { id: string }[];
  for (const f of followUps) {
    await ctx.tx.query(`UPDATE follow_up SET assignee_id = ? WHERE id = ?`, [placeholder, f.id]);
    await recordChange(ctx.tx, stampOf(ctx), { entity: 'follow_up', entityId: f.id, fields: ['assigneeId'] });
  }
  // The client list shows and filters by the current case's manager, kept on the client row.
  await refreshClientCaseColumns(ctx.tx, clientId);
}

/**
 * Hands the file over: checked against the network (the receiving office must have a member workstation, as the
 * file travels only by sync) and the consent (in force, naming the office, releasing every category the file
 * holds), confirmed with the passphrase. Closed cases keep the office and case manager that worked them.
 */
export async function sendHandover(ctx: ClientDataContext, input: z.output<typeof handoverSendInput>): Promise<null> {
  requireHandoverRole(ctx, input.clientId);
  await confirmCaller(ctx, loadKeyring(ctx.dataDir), input.passphrase);
  const [client] = (await ctx.tx.query(`SELECT office FROM client WHERE id = ?`, [input.clientId])) as { office: Office }[];
  if (!client) throw new AppError('record.notFound', { entity: 'client' });
  if (input.toOffice === client.office) throw new AppError('handover.sameOffice');
  if (!(await loadOwnDevice(ctx.tx, ctx.user.office))) throw new AppError('handover.noNetwork');
  if (!(await officesInNetwork(ctx)).has(input.toOffice)) throw new AppError('handover.officeNotInNetwork', { office: input.toOffice });
  const held = await heldCategories(ctx.tx, input.clientId);
  const consent = (await consentOptions(ctx, input.clientId, input.toOffice, held)).find((c) => c.id === input.consentId);
  if (!consent || consent.missing.length) throw new AppError('handover.consentInsufficient', { missing: consent?.missing ?? [] });

  const id = randomUUID();
  const at = ctx.now.toISOString();
  await ctx.tx.query(
    `INSERT INTO file_handover (id, client_id, from_office, to_office, consent_id, reason, handed_on, handed_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [id, input.clientId, client.office, input.toOffice, input.consentId, input.reason, berlinDate(ctx.now), ctx.user.id, at],
  );
  await recordChange(ctx.tx, stampOf(ctx), {
    entity: 'file_handover',
    entityId: id,
    fields: ['clientId', 'fromOffice', 'toOffice', 'consentId', 'reason', 'handedOn', 'handedBy', 'createdAt'],
  });
  await ctx.tx.query(`UPDATE client SET office = ?, updated_at = ?, version = version + 1 WHERE id = ?`, [input.toOffice, at, input.clientId]);
  await recordChange(ctx.tx, stampOf(ctx), { entity: 'client', entityId: input.clientId, fields: ['office'] });
  await moveOpenWork(ctx, input.clientId, input.toOffice);
  ctx.audit.entityIds.push(input.clientId, id);
  ctx.audit.fields.push('handover', `to:${input.toOffice}`, `consent:${input.consentId}`, `reason:${input.reason}`);
  return null;
}

interface HandoverRow {
  id: string;
  client_id: string;
  from_office: Office;
  to_office: Office;
  reason: HandoverReason;
  handed_on: string;
  handed_by_name: string | null;
  accepted_at: string | null;
  accepted_by_name: string | null;
}

const HANDOVER_SELECT = `SELECT h.id, h.client_id, h.from_office, h.to_office, h.reason, h.handed_on, h.accepted_at,
  a.display_name AS handed_by_name, b.display_name AS accepted_by_name
  FROM file_handover h LEFT JOIN account a ON a.id = h.handed_by LEFT JOIN account b ON b.id = h.accepted_by`;

function toView(r: HandoverRow): HandoverView {
  return {
    id: r.id,
    clientId: r.client_id,
    fromOffice: r.from_office,
    toOffice: r.to_office,
    reason: r.reason,
    handedOn: r.handed_on,
    handedByName: r.handed_by_name ?? '',
    acceptedAt: r.accepted_at,
    acceptedByName: r.accepted_by_name,
  };
}

/** The hand-overs of a file, oldest first (a file can move more than once). */
export async function listHandovers(ctx: ClientDataContext, clientId: string): Promise<HandoverView[]> {
  const rows = (await ctx.tx.query(`${HANDOVER_SELECT} WHERE h.client_id = ? ORDER BY h.created_at, h.id`, [clientId])) as HandoverRow[];
  ctx.audit.entityIds.push(clientId);
  return rows.map(toView);
}

/** Files handed to the caller's office that have arrived and that no case manager has taken over yet. */
export async function incomingHandovers(ctx: ClientDataContext): Promise<IncomingHandover[]> {
  if (!HANDOVER_ROLES.includes(ctx.user.role)) return [];
  const rows = (await ctx.tx.query(
    `${HANDOVER_SELECT.replace('SELECT ', 'SELECT c.family_name, c.given_names, c.birth_date, ')} JOIN client c ON c.id = h.client_id AND c.office = h.to_office
     WHERE h.to_office = ? AND h.accepted_at IS NULL ORDER BY h.created_at, h.id`,
    [ctx.user.office],
  )) as (HandoverRow & { family_name: string; given_names: string; birth_date: string | null })[];
  ctx.audit.entityIds.push(...rows.map((r) => r.client_id));
  return rows.map((r) => ({ ...toView(r), clientName: `${r.family_name}, ${r.given_names}`, birthDate: r.birth_date }));
}

/**
 * The receiving office takes the file over: the open cases and open Wiedervorlagen still waiting for its case
 * manager go to the chosen one (a case manager of this office), and the hand-over is marked as taken over.
 */
export async function acceptHandover(ctx: ClientDataContext, input: z.output<typeof handoverAcceptInput>): Promise<HandoverView> {
  const [h] = (await ctx.tx.query(`SELECT client_id, to_office, accepted_at FROM file_handover WHERE id = ?`, [input.id])) as {
    client_id: string;
    to_office: Office;
    accepted_at: string | null;
  }[];
  if (!h) throw new AppError('record.notFound', { entity: 'file-handover' });
  requireHandoverRole(ctx, h.client_id);
  const [client] = (await ctx.tx.query(`SELECT office FROM client WHERE id = ?`, [h.client_id])) as { office: Office }[];
  if (h.accepted_at || h.to_office !== ctx.user.office || client?.office !== ctx.user.office) throw new AppError('handover.notPending');
  await requireCaseWorker(ctx.tx, input.caseManagerId, ctx.user.office, 'caseManagerId');
  const placeholder = officePlaceholderAccount(ctx.user.office);
  const at = ctx.now.toISOString();
  const cases = (await ctx.tx.query(`SELECT id FROM kim_case WHERE client_id = ? AND closed_on IS NULL AND case_manager_id = ?`, [h.client_id, placeholder])) as { id: string }[];
  for (const k of cases) {
    await ctx.tx.query(`UPDATE kim_case SET case_manager_id = ?, updated_at = ?, version = version + 1 WHERE id = ?`, [input.caseManagerId, at, k.id]);
    await recordChange(ctx.tx, stampOf(ctx), { entity: 'case', entityId: k.id, fields: ['caseManagerId'] });
  }
  const followUps = (await ctx.tx.query(
    `SELECT f.id FROM follow_up f JOIN kim_case k ON k.id = f.case_id WHERE k.client_id = ? AND k.closed_on IS NULL AND f.done_at IS NULL AND f.assignee_id = ?`,
    [h.client_id, placeholder],
  )) as { id: string }[];
  for (const f of followUps) {
    await ctx.tx.query(`UPDATE follow_up SET assignee_id = ? WHERE id = ?`, [input.caseManagerId, f.id]);
    await recordChange(ctx.tx, stampOf(ctx), { entity: 'follow_up', entityId: f.id, fields: ['assigneeId'] });
  }
  await refreshClientCaseColumns(ctx.tx, h.client_id);
  await ctx.tx.query(`UPDATE file_handover SET accepted_at = ?, accepted_by = ? WHERE id = ?`, [at, ctx.user.id, input.id]);
  await recordChange(ctx.tx, stampOf(ctx), { entity: 'file_handover', entityId: input.id, fields: ['acceptedAt', 'acceptedBy'] });
  ctx.audit.entityIds.push(h.client_id, input.id);
  ctx.audit.fields.push('handover:accepted', `caseManager:${input.caseManagerId}`, `cases:${cases.length}`);
  const [row] = (await ctx.tx.query(`${HANDOVER_SELECT} WHERE h.id = ?`, [input.id])) as HandoverRow[];
  return toView(row!);
}
