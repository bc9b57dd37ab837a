import { randomUUID } from 'node:crypto';
import { DraftEntity, type Draft } from './draft-entity';
import type { DraftRecord } from '../../contract/types/workstation-types';
import type { ServiceContext } from '../service-context';

function toRecord(d: Draft): DraftRecord {
  return { formId: d.formId, data: JSON.parse(d.data) as DraftRecord['data'], savedAt: d.savedAt };
}

/** Saves (replaces) the caller's draft of one form. Drafts are per account and never leave the workstation. */
export async function saveDraft(ctx: ServiceContext, formId: string, data: DraftRecord['data']): Promise<DraftRecord> {
  const { tx } = ctx;
  const existing = await tx.findOneBy(DraftEntity, { accountId: ctx.user.id, formId });
  const draft: Draft = {
    id: existing?.id ?? randomUUID(),
    accountId: ctx.user.id,
    formId,
    data: JSON.stringify(data),
    savedAt: ctx.now.toISOString(),
  };
  await tx.save(DraftEntity, draft);
  ctx.audit.entityIds.push(draft.id);
  ctx.audit.fields.push(...Object.keys(data));
  return toRecord(draft);
}

export async function getDraft(ctx: ServiceContext, formId: string): Promise<DraftRecord | null> {
  const { tx } = ctx;
  const draft = await tx.findOneBy(DraftEntity, { accountId: ctx.user.id, formId });
  if (draft) ctx.audit.entityIds.push(draft.id);
  return draft ? toRecord(draft) : null;
}

export async function discardDraft(ctx: ServiceContext, formId: string): Promise<null> {
  const { tx } = ctx;
  const draft = await tx.findOneBy(DraftEntity, { accountId: ctx.user.id, formId });
  if (draft) {
    await tx.delete(DraftEntity, { id: draft.id });
    ctx.audit.entityIds.push(draft.id);
  }
  return null;
}

export async function openDraftForms(ctx: ServiceContext): Promise<string[]> {
  const { tx } = ctx;
  const rows = await tx.find(DraftEntity, { where: { accountId: ctx.user.id }, order: { savedAt: 'DESC' } });
  return rows.map((d) => d.formId);
}
