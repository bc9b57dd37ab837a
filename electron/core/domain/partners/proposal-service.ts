import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { ServiceContext } from '../service-context';
import { stampOf } from '../service-context';
import { AppError } from '../../contract/errors';
import type { ProposalStatus } from '../../contract/partner-domain';
import { directoryAllows } from '../../contract/partner-domain';
import type { proposalDecideInput, proposalInput, proposalListInput } from '../../contract/schemas/partner-schemas';
import type { ContactFields, PartnerFields, PartnerProposalView } from '../../contract/types/partner-types';
import { appendAudit } from '../../platform/audit/audit-log';
import { recordChange } from '../../platform/sync/change-recorder';
import { PartnerContactEntity, PartnerProposalEntity, type PartnerProposal } from './partner-entities';
import { fieldsOf, requirePartner, writeContact, writePartner } from './partner-service';

/**
 * What accepting applies: the fields the proposer changed against the record as it was then, over the record as it
 * is now; a field Koordination changed in between and the proposer did not touch keeps Koordination's value.
 */
function merged<T extends object>(current: T, base: T | null, proposed: T): T {
  if (!base) return proposed;
  // Lists are sets of codes: a proposal that only reorders one has not changed it.
  const same = (a: unknown, b: unknown) =>
    Array.isArray(a) && Array.isArray(b) ? JSON.stringify([...new Set(a)].sort()) === JSON.stringify([...new Set(b)].sort()) : a === b;
  const out = { ...current };
  for (const key of Object.keys(proposed) as (keyof T)[]) {
    if (!same(proposed[key], base[key])) out[key] = proposed[key];
  }
  return out;
}

const contactFieldsOf = (c: ContactFields): ContactFields => ({ name: c.name, function: c.function, phone: c.phone, email: c.email });

export const PROPOSAL_ENTITY = 'partner_proposal';

interface ProposalRow extends PartnerProposal {
  partnerName: string | null;
  proposedByName: string | null;
  decidedByName: string | null;
}

function viewOf(r: ProposalRow): PartnerProposalView {
  const payload = JSON.parse(r.payload) as PartnerFields | ContactFields;
  const partner = r.target === 'partner' ? (payload as PartnerFields) : null;
  return {
    id: r.id,
    target: r.target as 'partner' | 'contact',
    partnerId: r.partnerId,
    partnerName: r.partnerName ?? partner?.name ?? '',
    contactId: r.contactId,
    partner,
    contact: r.target === 'contact' ? (payload as ContactFields) : null,
    comment: r.comment,
    proposedByName: r.proposedByName ?? '',
    proposedAt: r.proposedAt,
    status: r.status as ProposalStatus,
    decidedByName: r.decidedByName,
    decidedAt: r.decidedAt,
    decisionNote: r.decisionNote,
  };
}

const SELECT = `SELECT pp.id, pp.target, pp.partner_id AS partnerId, pp.contact_id AS contactId, pp.payload, pp.comment,
    pp.proposed_by AS proposedBy, pp.proposed_at AS proposedAt, pp.status, pp.decided_by AS decidedBy, pp.decided_at AS decidedAt,
    pp.decision_note AS decisionNote, p.name AS partnerName, a.display_name AS proposedByName, d.display_name AS decidedByName
  FROM partner_proposal pp
  LEFT JOIN partner p ON p.id = pp.partner_id
  LEFT JOIN account a ON a.id = pp.proposed_by
  LEFT JOIN account d ON d.id = pp.decided_by`;

async function loadProposal(ctx: Pick<ServiceContext, 'tx'>, id: string): Promise<PartnerProposalView> {
  const [row] = (await ctx.tx.query(`${SELECT} WHERE pp.id = ?`, [id])) as ProposalRow[];
  if (!row) throw new AppError('record.notFound', { entity: 'partner-proposal' });
  return viewOf(row);
}

/**
 * Proposals, newest first: Koordination sees everyone's, a case manager only their own. Proposals of contact
 * persons carry personal data: every proposal listed is noted for the audit entry.
 */
export async function listProposals(ctx: ServiceContext, input: z.output<typeof proposalListInput>): Promise<PartnerProposalView[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  if (input.status === 'open') where.push(`pp.status = 'open'`);
  if (input.status === 'decided') where.push(`pp.status <> 'open'`);
  if (!directoryAllows(ctx.user.role, 'edit')) {
    where.push('pp.proposed_by = ?');
    params.push(ctx.user.id);
  }
  const rows = (await ctx.tx.query(`${SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY pp.proposed_at DESC, pp.id LIMIT 500`, params)) as ProposalRow[];
  ctx.audit.entityIds.push(...rows.map((r) => r.id));
  return rows.map(viewOf);
}

/** A case manager proposes a new or changed partner, or a contact person; nothing changes until Koordination accepts. */
export async function propose(ctx: ServiceContext, input: z.output<typeof proposalInput>): Promise<PartnerProposalView> {
  let contactId: string | null = null;
  let base: PartnerFields | ContactFields | null = null;
  if (input.partnerId) {
    const partner = await requirePartner(ctx, input.partnerId);
    if (partner.archivedAt) throw new AppError('partner.archived');
    if (input.target === 'partner') base = fieldsOf(partner);
  }
  if (input.target === 'contact' && input.contactId) {
    const c = await ctx.tx.findOneBy(PartnerContactEntity, { id: input.contactId });
    if (!c || c.partnerId !== input.partnerId) throw new AppError('record.notFound', { entity: 'partner-contact' });
    contactId = c.id;
    base = contactFieldsOf(c);
  }
  const id = randomUUID();
  const payload = input.target === 'partner' ? input.partner : input.contact;
  await ctx.tx.insert(PartnerProposalEntity, {
    id,
    target: input.target,
    partnerId: input.partnerId,
    contactId,
    payload: JSON.stringify(payload),
    base: base ? JSON.stringify(base) : null,
    comment: input.comment,
    proposedBy: ctx.user.id,
    proposedAt: ctx.now.toISOString(),
    status: 'open',
    decidedBy: null,
    decidedAt: null,
    decisionNote: null,
  });
  await recordChange(ctx.tx, stampOf(ctx), {
    entity: PROPOSAL_ENTITY,
    entityId: id,
    fields: ['target', 'partnerId', 'contactId', 'payload', 'base', 'comment', 'proposedBy', 'proposedAt', 'status'],
  });
  ctx.audit.entityIds.push(id);
  ctx.audit.fields.push(`target:${input.target}`);
  return loadProposal(ctx, id);
}

/**
 * Koordination accepts (the proposed fields are applied, as if entered by the deciding coordinator) or rejects an
 * open proposal. The applied change gets its own audit entry under the partner or contact it changed.
 */
export async function decideProposal(ctx: ServiceContext, input: z.output<typeof proposalDecideInput>): Promise<PartnerProposalView> {
  const row = await ctx.tx.findOneBy(PartnerProposalEntity, { id: input.id });
  if (!row) throw new AppError('record.notFound', { entity: 'partner-proposal' });
  if (row.status !== 'open') throw new AppError('partnerProposal.decided', { status: row.status });
  let applied: { entity: string; id: string; fields: string[] } | null = null;
  const base = row.base ? (JSON.parse(row.base) as never) : null;
  if (input.accept && row.target === 'partner') {
    const proposed = JSON.parse(row.payload) as PartnerFields;
    const fields = row.partnerId ? merged(fieldsOf(await requirePartner(ctx, row.partnerId)), base, proposed) : proposed;
    const { partner, changed } = await writePartner(ctx, fields, { id: row.partnerId ?? undefined });
    applied = { entity: 'partner', id: partner.id, fields: changed };
    if (!row.partnerId) {
      await ctx.tx.update(PartnerProposalEntity, { id: row.id }, { partnerId: partner.id });
    }
  } else if (input.accept) {
    const proposed = JSON.parse(row.payload) as ContactFields;
    const current = row.contactId ? await ctx.tx.findOneBy(PartnerContactEntity, { id: row.contactId }) : null;
    // A contact removed since the proposal: accepting adds the person again, as proposed.
    const fields = current ? merged(contactFieldsOf(current), base, proposed) : proposed;
    const { contact, changed } = await writeContact(ctx, row.partnerId!, fields, current?.id ?? null);
    applied = { entity: 'partner-contact', id: contact.id, fields: changed };
    if (row.contactId !== contact.id) await ctx.tx.update(PartnerProposalEntity, { id: row.id }, { contactId: contact.id });
  }
  const status: ProposalStatus = input.accept ? 'accepted' : 'rejected';
  await ctx.tx.update(PartnerProposalEntity, { id: row.id }, { status, decidedBy: ctx.user.id, decidedAt: ctx.now.toISOString(), decisionNote: input.note });
  await recordChange(ctx.tx, stampOf(ctx), {
    entity: PROPOSAL_ENTITY,
    entityId: row.id,
    fields: ['status', 'decidedBy', 'decidedAt', 'decisionNote', ...(applied && !row.partnerId ? ['partnerId'] : []), ...(applied?.entity === 'partner-contact' && row.contactId !== applied.id ? ['contactId'] : [])],
  });
  ctx.audit.entityIds.push(row.id);
  ctx.audit.fields.push(status);
  if (applied) {
    const actor = { id: ctx.user.id, role: ctx.user.role, office: ctx.user.office };
    await appendAudit(ctx.tx, { at: ctx.now, actor, action: 'partnerProposals.decide', entity: applied.entity, entityId: applied.id, fields: [`proposal:${row.id}`, ...applied.fields] });
  }
  return loadProposal(ctx, row.id);
}

