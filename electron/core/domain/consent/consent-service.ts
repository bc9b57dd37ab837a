import { stampOf } from '../service-context';
import { randomUUID } from 'node:crypto';
import { In, type EntityManager } from 'typeorm';
import type { z } from 'zod';
import type { ConsentStatus, ConsentView } from '../../contract/types/access-types';
import type { consentAddInput, consentRevokeInput } from '../../contract/schemas/consent-schemas';
import { AppError } from '../../contract/errors';
import type { ClientAccess } from '../access/access-policy';
import { requireClient } from '../clients/client-service';
import { daysBetween, berlinDate } from '../../contract/dates';
import { CONSENT_EXPIRY_WARNING_DAYS, type ConsentForm, type DataCategory } from '../../contract/data-categories';
import type { Office } from '../../contract/offices';
import { recordChange } from '../../platform/sync/change-recorder';
import { ConsentEntity, ConsentGrantEntity, type Consent } from './consent-entities';
import type { ServiceContext } from '../service-context';
import { PartnerEntity } from '../partners/partner-entities';

/**
 * Consents per client: recording one (with its signed form or a record of the oral consent) and revoking it.
 * Access checks read the grants of consents in force on every call, so a revocation counts from the next call.
 */

function invalid(path: string, code: string): AppError {
  return new AppError('validation.invalid', { issues: [{ path, code }] });
}

export async function addConsent(ctx: ServiceContext, input: z.output<typeof consentAddInput>): Promise<string> {
  const { tx } = ctx;
  const client = await requireClient(tx, input.clientId);
  if (input.documentId) {
    const [doc] = (await tx.query('SELECT client_id, category FROM document WHERE id = ?', [input.documentId])) as { client_id: string; category: string }[];
    if (!doc || doc.client_id !== client.id) throw new AppError('record.notFound', { entity: 'document' });
    if (doc.category !== 'consent') throw invalid('documentId', 'not_consent_form');
  }
  const partnerIds = [...new Set(input.partnerIds)];
  await requireActivePartners(tx, partnerIds);
  const at = ctx.now.toISOString();
  const parties = [...new Set(input.parties)].sort();
  const categories = [...new Set(input.categories)].sort();
  const consent: Consent = {
    id: randomUUID(),
    clientId: client.id,
    office: client.office,
    parties: JSON.stringify(parties),
    agencies: JSON.stringify([...new Set(input.agencies)]),
    partnerIds: JSON.stringify(partnerIds),
    categories: JSON.stringify(categories),
    purpose: input.purpose,
    validFrom: input.validFrom,
    validUntil: input.validUntil,
    form: input.form,
    documentId: input.form === 'written' ? input.documentId : null,
    oralRecord: input.form === 'oral' ? input.oralRecord : null,
    recordedBy: ctx.user.id,
    revokedOn: null,
    revocationForm: null,
    revocationNote: null,
    revokedBy: null,
    createdAt: at,
    updatedAt: at,
    version: 1,
  };
  await tx.insert(ConsentEntity, consent);
  const grants = parties.flatMap((party) => categories.map((category) => ({ consentId: consent.id, party, category, clientId: client.id })));
  if (grants.length) await tx.insert(ConsentGrantEntity, grants);
  await recordChange(tx, stampOf(ctx), { entity: 'consent', entityId: consent.id, fields: Object.keys(input) });
  ctx.audit.entityIds.push(client.id);
  ctx.audit.fields.push('consent', ...categories.map((c) => `category:${c}`), ...partnerIds.map((p) => `partner:${p}`));
  return client.id;
}

/** Partners a new consent names must be in the directory and not archived. */
async function requireActivePartners(m: EntityManager, ids: string[]): Promise<void> {
  if (!ids.length) return;
  const rows = await m.find(PartnerEntity, { where: { id: In(ids) }, select: { id: true, archivedAt: true } });
  const unknown = ids.filter((id) => !rows.some((r) => r.id === id));
  if (unknown.length) throw new AppError('record.notFound', { entity: 'partner' });
  if (rows.some((r) => r.archivedAt)) throw new AppError('partner.archived');
}

export async function revokeConsent(ctx: ServiceContext, input: z.output<typeof consentRevokeInput>): Promise<string> {
  const { tx } = ctx;
  const consent = await tx.findOneBy(ConsentEntity, { id: input.id });
  if (!consent) throw new AppError('record.notFound', { entity: 'consent' });
  if (consent.revokedOn) throw new AppError('consent.alreadyRevoked');
  if (input.revokedOn > berlinDate(ctx.now)) throw invalid('revokedOn', 'in_future');
  const result = await tx.update(
    ConsentEntity,
    { id: input.id, version: input.version },
    {
      revokedOn: input.revokedOn,
      revocationForm: input.form,
      revocationNote: input.note,
      revokedBy: ctx.user.id,
      updatedAt: ctx.now.toISOString(),
      version: input.version + 1,
    },
  );
  if (!result.affected) throw new AppError('record.staleVersion', { entity: 'consent' });
  await recordChange(tx, stampOf(ctx), { entity: 'consent', entityId: consent.id, fields: ['revokedOn', 'revocationForm', 'revocationNote'] });
  ctx.audit.entityIds.push(consent.clientId);
  ctx.audit.fields.push('consent.revocation');
  return consent.clientId;
}

export function consentStatus(c: Pick<Consent, 'revokedOn' | 'validFrom' | 'validUntil'>, today: string): ConsentStatus {
  if (c.revokedOn) return 'revoked';
  if (c.validFrom > today) return 'pending';
  if (c.validUntil && c.validUntil < today) return 'expired';
  return 'active';
}

type ConsentRow = Consent & { recordedByName: string | null; revokedByName: string | null };

/**
 * The consents the caller may see on the client screen: all of them for the owning office; for anyone else only
 * the consents in force that name its office (the basis of what it sees).
 */
export async function listConsentViews(m: EntityManager, clientId: string, access: ClientAccess, office: Office, today: string): Promise<ConsentView[]> {
  const rows = (await m
    .createQueryBuilder(ConsentEntity, 'k')
    .leftJoin('account', 'r', 'r.id = k.recorded_by')
    .leftJoin('account', 'v', 'v.id = k.revoked_by')
    .select('k.*')
    .addSelect('r.display_name', 'recordedByName')
    .addSelect('v.display_name', 'revokedByName')
    .where('k.client_id = :clientId', { clientId })
    .orderBy('k.valid_from', 'DESC')
    .addOrderBy('k.created_at', 'DESC')
    .getRawMany()) as Record<string, unknown>[];
  const names = await partnerNames(m, rows.flatMap((r) => JSON.parse(r.partner_ids as string) as string[]));
  return rows
    .map((r) => toConsentView(fromRaw(r), today, names))
    .filter((v) => access.owner || (v.status === 'active' && v.parties.includes(office)));
}

/** Current names of the partners consents name (a renamed partner shows its new name). */
async function partnerNames(m: EntityManager, ids: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (!unique.length) return new Map();
  const rows = await m.find(PartnerEntity, { where: { id: In(unique) }, select: { id: true, name: true } });
  return new Map(rows.map((r) => [r.id, r.name]));
}

function fromRaw(r: Record<string, unknown>): ConsentRow {
  return {
    id: r.id as string,
    clientId: r.client_id as string,
    office: r.office as string,
    parties: r.parties as string,
    agencies: r.agencies as string,
    partnerIds: r.partner_ids as string,
    categories: r.categories as string,
    purpose: r.purpose as string,
    validFrom: r.valid_from as string,
    validUntil: (r.valid_until as string | null) ?? null,
    form: r.form as string,
    documentId: (r.document_id as string | null) ?? null,
    oralRecord: (r.oral_record as string | null) ?? null,
    recordedBy: r.recorded_by as string,
    revokedOn: (r.revoked_on as string | null) ?? null,
    revocationForm: (r.revocation_form as string | null) ?? null,
    revocationNote: (r.revocation_note as string | null) ?? null,
    revokedBy: (r.revoked_by as string | null) ?? null,
    createdAt: r.created_at as string,
    updatedAt: r.updated_at as string,
    version: Number(r.version),
    recordedByName: (r.recordedByName as string | null) ?? null,
    revokedByName: (r.revokedByName as string | null) ?? null,
  };
}

function toConsentView(c: ConsentRow, today: string, names: ReadonlyMap<string, string>): ConsentView {
  const status = consentStatus(c, today);
  return {
    id: c.id,
    version: c.version,
    clientId: c.clientId,
    office: c.office as Office,
    parties: JSON.parse(c.parties) as Office[],
    agencies: JSON.parse(c.agencies) as string[],
    partners: (JSON.parse(c.partnerIds) as string[]).map((id) => ({ id, name: names.get(id) ?? '' })),
    categories: JSON.parse(c.categories) as DataCategory[],
    purpose: c.purpose,
    validFrom: c.validFrom,
    validUntil: c.validUntil,
    form: c.form as ConsentForm,
    documentId: c.documentId,
    oralRecord: c.oralRecord,
    recordedByName: c.recordedByName ?? '',
    status,
    expiringSoon: status === 'active' && c.validUntil !== null && daysBetween(today, c.validUntil) <= CONSENT_EXPIRY_WARNING_DAYS,
    revocation: c.revokedOn ? { on: c.revokedOn, form: c.revocationForm as ConsentForm, note: c.revocationNote, byName: c.revokedByName ?? '' } : null,
    createdAt: c.createdAt,
  };
}
