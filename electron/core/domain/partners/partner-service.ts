import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { ServiceContext } from '../service-context';
import { stampOf } from '../service-context';
import { AppError } from '../../contract/errors';
import type { Rechtskreis } from '../../contract/case-domain';
import type { Office } from '../../contract/offices';
import type { PartnerKind, PartnerService } from '../../contract/partner-domain';
import type {
  contactFieldsSchema,
  contactSaveInput,
  partnerArchiveInput,
  partnerFieldsSchema,
  partnerSaveInput,
  partnerSearchInput,
} from '../../contract/schemas/partner-schemas';
import type { ContactFields, PartnerContactView, PartnerDetail, PartnerFields, PartnerSummary } from '../../contract/types/partner-types';
import { recordChange } from '../../platform/sync/change-recorder';
import { PartnerContactEntity, PartnerEntity, type Partner, type PartnerContact } from './partner-entities';
import { foldText, matchesQuery } from './partner-search-text';

/** The change-log entity names of the directory (what a later sync registry entry would name). */
export const PARTNER_ENTITY = 'partner';
export const CONTACT_ENTITY = 'partner_contact';

const PARTNER_FIELDS = [
  'name',
  'kind',
  'rechtskreise',
  'street',
  'postalCode',
  'city',
  'openingHours',
  'phone',
  'email',
  'languages',
  'services',
  'offices',
  'notes',
] as const satisfies readonly (keyof PartnerFields)[];
const CONTACT_FIELDS = ['name', 'function', 'phone', 'email'] as const satisfies readonly (keyof ContactFields)[];

const list = <T>(json: string): T[] => JSON.parse(json) as T[];

/** What lists show of a partner: picked field by field, never a spread row. */
function summaryOf(p: Partner): PartnerSummary {
  return {
    id: p.id,
    name: p.name,
    kind: p.kind as PartnerKind,
    rechtskreise: list<Rechtskreis>(p.rechtskreise),
    city: p.city,
    languages: list<string>(p.languages),
    services: list<PartnerService>(p.services),
    offices: list<Office>(p.offices),
    archived: p.archivedAt !== null,
    version: p.version,
  };
}

function contactOf(c: PartnerContact): PartnerContactView {
  return { id: c.id, partnerId: c.partnerId, name: c.name, function: c.function, phone: c.phone, email: c.email };
}

/** A partner's stored fields in the shape of the input schema (for comparison and proposals). */
export function fieldsOf(p: Partner): PartnerFields {
  return {
    name: p.name,
    kind: p.kind as PartnerKind,
    rechtskreise: list<Rechtskreis>(p.rechtskreise),
    street: p.street,
    postalCode: p.postalCode,
    city: p.city,
    openingHours: p.openingHours,
    phone: p.phone,
    email: p.email,
    languages: list<string>(p.languages),
    services: list<PartnerService>(p.services),
    offices: list<Office>(p.offices),
    notes: p.notes,
  };
}

function columnsOf(f: z.output<typeof partnerFieldsSchema>): Omit<Partner, 'id' | 'archivedAt' | 'createdAt' | 'updatedAt' | 'version'> {
  return {
    ...f,
    // A list is stored sorted and without repeats, so two editors entering the same set write the same value.
    rechtskreise: JSON.stringify([...new Set(f.rechtskreise)].sort()),
    languages: JSON.stringify([...new Set(f.languages)].sort()),
    services: JSON.stringify([...new Set(f.services)].sort()),
    offices: JSON.stringify([...new Set(f.offices)].sort()),
  };
}

export async function requirePartner(ctx: Pick<ServiceContext, 'tx'>, id: string): Promise<Partner> {
  const p = await ctx.tx.findOneBy(PartnerEntity, { id });
  if (!p) throw new AppError('record.notFound', { entity: 'partner' });
  return p;
}

/** German order for names (Ärztehaus before Beratung), like the lists' column sort. */
const NAME_ORDER = new Intl.Collator('de', { sensitivity: 'base', numeric: true });
const MAX_HITS = 500;

/**
 * Finds partners by free text (name, city, notes; case and umlaut spelling forgiven, partner-search-text.ts) and
 * filters: every given service offered, the language spoken, working with the office, of the kind. Archived
 * partners only on request. No contact persons in the answer.
 */
export async function searchPartners(ctx: Pick<ServiceContext, 'tx'>, input: z.output<typeof partnerSearchInput>): Promise<PartnerSummary[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  if (!input.includeArchived) where.push('p.archived_at IS NULL');
  for (const service of new Set(input.services)) {
    where.push('EXISTS (SELECT 1 FROM json_each(p.services) WHERE value = ?)');
    params.push(service);
  }
  if (input.language) {
    where.push('EXISTS (SELECT 1 FROM json_each(p.languages) WHERE value = ?)');
    params.push(input.language);
  }
  if (input.office) {
    where.push('EXISTS (SELECT 1 FROM json_each(p.offices) WHERE value = ?)');
    params.push(input.office);
  }
  if (input.kind) {
    where.push('p.kind = ?');
    params.push(input.kind);
  }
  const candidates = (await ctx.tx.query(
    `SELECT p.id, p.name, p.city, p.notes FROM partner p ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`,
    params,
  )) as { id: string; name: string; city: string | null; notes: string | null }[];
  const query = foldText(input.query ?? '');
  const ids = candidates
    .filter((p) => matchesQuery(query, [p.name, p.city, p.notes]))
    .sort((a, b) => NAME_ORDER.compare(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .slice(0, MAX_HITS);
  if (!ids.length) return [];
  const rows = await ctx.tx.getRepository(PartnerEntity).createQueryBuilder('p').whereInIds(ids.map((r) => r.id)).getMany();
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((r) => summaryOf(byId.get(r.id)!));
}

/** One partner with its contact persons; the contacts read are noted for the audit entry. */
export async function readPartner(ctx: ServiceContext, id: string): Promise<PartnerDetail> {
  const p = await requirePartner(ctx, id);
  const contacts = await ctx.tx.find(PartnerContactEntity, { where: { partnerId: id }, order: { name: 'ASC', id: 'ASC' } });
  ctx.audit.entityIds.push(...contacts.map((c) => c.id));
  ctx.audit.fields.push(...(contacts.length ? CONTACT_FIELDS : []));
  return {
    ...summaryOf(p),
    street: p.street,
    postalCode: p.postalCode,
    openingHours: p.openingHours,
    phone: p.phone,
    email: p.email,
    notes: p.notes,
    contacts: contacts.map(contactOf),
    updatedAt: p.updatedAt,
  };
}

/**
 * Creates a partner or changes one (from `version`, so a concurrent edit is refused rather than overwritten);
 * records the written fields in the change log. `version` may be omitted only when applying a proposal.
 */
export async function writePartner(
  ctx: ServiceContext,
  fields: z.output<typeof partnerFieldsSchema>,
  target: { id?: string; version?: number },
): Promise<{ partner: PartnerSummary; changed: string[] }> {
  const now = ctx.now.toISOString();
  const columns = columnsOf(fields);
  if (!target.id) {
    const id = randomUUID();
    await ctx.tx.insert(PartnerEntity, { id, ...columns, archivedAt: null, createdAt: now, updatedAt: now, version: 1 });
    await recordChange(ctx.tx, stampOf(ctx), { entity: PARTNER_ENTITY, entityId: id, fields: [...PARTNER_FIELDS] });
    return { partner: summaryOf(await requirePartner(ctx, id)), changed: [...PARTNER_FIELDS] };
  }
  const p = await requirePartner(ctx, target.id);
  if (target.version !== undefined && p.version !== target.version) throw new AppError('record.staleVersion', { entity: 'partner' });
  const changed = PARTNER_FIELDS.filter((f) => (columns as Record<string, unknown>)[f] !== (p as unknown as Record<string, unknown>)[f]);
  if (changed.length) {
    await ctx.tx.update(PartnerEntity, { id: p.id }, { ...columns, updatedAt: now, version: p.version + 1 });
    await recordChange(ctx.tx, stampOf(ctx), { entity: PARTNER_ENTITY, entityId: p.id, fields: [...changed] });
  }
  return { partner: summaryOf(await requirePartner(ctx, p.id)), changed };
}

/** partners.save: Koordination creates or edits a partner. */
export async function savePartner(ctx: ServiceContext, input: z.output<typeof partnerSaveInput>): Promise<PartnerSummary> {
  const { id, version, ...fields } = input;
  const { partner, changed } = await writePartner(ctx, fields, { id, version });
  ctx.audit.entityIds.push(partner.id);
  ctx.audit.fields.push(...changed);
  return partner;
}

/** Archives a partner (it no longer shows in searches) or brings it back; partners are never deleted. */
export async function archivePartner(ctx: ServiceContext, input: z.output<typeof partnerArchiveInput>): Promise<PartnerSummary> {
  const p = await requirePartner(ctx, input.id);
  if (p.version !== input.version) throw new AppError('record.staleVersion', { entity: 'partner' });
  const archivedAt = input.archived ? (p.archivedAt ?? ctx.now.toISOString()) : null;
  if (archivedAt !== p.archivedAt) {
    await ctx.tx.update(PartnerEntity, { id: p.id }, { archivedAt, updatedAt: ctx.now.toISOString(), version: p.version + 1 });
    await recordChange(ctx.tx, stampOf(ctx), { entity: PARTNER_ENTITY, entityId: p.id, fields: ['archivedAt'] });
  }
  ctx.audit.entityIds.push(p.id);
  ctx.audit.fields.push('archivedAt');
  return summaryOf(await requirePartner(ctx, p.id));
}

/** Adds a contact person to a partner or changes one; returns the fields written. */
export async function writeContact(
  ctx: ServiceContext,
  partnerId: string,
  fields: z.output<typeof contactFieldsSchema>,
  contactId?: string | null,
): Promise<{ contact: PartnerContactView; changed: string[] }> {
  const partner = await requirePartner(ctx, partnerId);
  if (partner.archivedAt) throw new AppError('partner.archived');
  const now = ctx.now.toISOString();
  if (!contactId) {
    const id = randomUUID();
    await ctx.tx.insert(PartnerContactEntity, { id, partnerId, ...fields, createdAt: now, updatedAt: now });
    await recordChange(ctx.tx, stampOf(ctx), { entity: CONTACT_ENTITY, entityId: id, fields: ['partnerId', ...CONTACT_FIELDS] });
    return { contact: contactOf((await ctx.tx.findOneBy(PartnerContactEntity, { id }))!), changed: [...CONTACT_FIELDS] };
  }
  const c = await ctx.tx.findOneBy(PartnerContactEntity, { id: contactId });
  if (!c || c.partnerId !== partnerId) throw new AppError('record.notFound', { entity: 'partner-contact' });
  const changed = CONTACT_FIELDS.filter((f) => fields[f] !== c[f]);
  if (changed.length) {
    await ctx.tx.update(PartnerContactEntity, { id: c.id }, { ...fields, updatedAt: now });
    await recordChange(ctx.tx, stampOf(ctx), { entity: CONTACT_ENTITY, entityId: c.id, fields: [...changed] });
  }
  return { contact: contactOf((await ctx.tx.findOneBy(PartnerContactEntity, { id: c.id }))!), changed };
}

/** partnerContacts.save: Koordination adds or edits a contact person. */
export async function saveContact(ctx: ServiceContext, input: z.output<typeof contactSaveInput>): Promise<PartnerContactView> {
  const { partnerId, id, ...fields } = input;
  const { contact, changed } = await writeContact(ctx, partnerId, fields, id);
  ctx.audit.entityIds.push(contact.id);
  ctx.audit.fields.push(...changed);
  return contact;
}

/** Removes a contact person (someone left the partner): the row goes, a tombstone stays in the change log. */
export async function removeContact(ctx: ServiceContext, id: string): Promise<null> {
  const c = await ctx.tx.findOneBy(PartnerContactEntity, { id });
  if (!c) throw new AppError('record.notFound', { entity: 'partner-contact' });
  await ctx.tx.delete(PartnerContactEntity, { id });
  await recordChange(ctx.tx, stampOf(ctx), { entity: CONTACT_ENTITY, entityId: id, fields: [], operation: 'delete' });
  ctx.audit.entityIds.push(id);
  ctx.audit.fields.push('deleted');
  return null;
}
