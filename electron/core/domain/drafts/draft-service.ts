import { randomUUID } from 'node:crypto';
import { DraftEntity, type Draft } from './draft-entity';
import type { DraftRecord } from '../../contract/types/workstation-types';
import type { ServiceContext } from '../service-context';
import { fieldPlace, isProtectedValue } from '../../platform/vault/field-cipher';
import { roleHoldsCategoryKey } from '../../contract/data-categories';

/**
 * A draft may hold a note being written, so a session that holds the conversation-notes key stores its drafts
 * under it (field-cipher.ts): a colleague of another role who copies the vault does not read them. A draft this
 * session cannot open (its role changed since) counts as absent.
 */
const draftPlace = (id: string) => fieldPlace('draft', id, 'data');

function storedData(ctx: ServiceContext, id: string, data: DraftRecord['data']): string {
  const json = JSON.stringify(data);
  // Only a role that reads notes: IT's session may briefly hold a waiting key (category-keys.ts), not its own.
  const protect = roleHoldsCategoryKey(ctx.user.role, 'conversation-notes') && ctx.fields.holds('conversation-notes');
  return protect ? ctx.fields.encrypt('conversation-notes', json, draftPlace(id)) : json;
}

function toRecord(ctx: ServiceContext, d: Draft): DraftRecord | null {
  if (!isProtectedValue(d.data)) return { formId: d.formId, data: JSON.parse(d.data) as DraftRecord['data'], savedAt: d.savedAt };
  if (!ctx.fields.holds('conversation-notes')) return null;
  const json = ctx.fields.decrypt('conversation-notes', d.data, draftPlace(d.id));
  return { formId: d.formId, data: JSON.parse(json) as DraftRecord['data'], savedAt: d.savedAt };
}

/** Saves (replaces) the caller's draft of one form. Drafts are per account and never leave the workstation. */
export async function saveDraft(ctx: ServiceContext, formId: string, data: DraftRecord['data']): Promise<DraftRecord> {
  const { tx } = ctx;
  const existing = await tx.findOneBy(DraftEntity, { accountId: ctx.user.id, formId });
  const id = existing?.id ?? randomUUID();
  const draft: Draft = { id, accountId: ctx.user.id, formId, data: storedData(ctx, id, data), savedAt: ctx.now.toISOString() };
  await tx.save(DraftEntity, draft);
  ctx.audit.entityIds.push(draft.id);
  ctx.audit.fields.push(...Object.keys(data));
  return { formId, data, savedAt: draft.savedAt };
}

export async function getDraft(ctx: ServiceContext, formId: string): Promise<DraftRecord | null> {
  const { tx } = ctx;
  const draft = await tx.findOneBy(DraftEntity, { accountId: ctx.user.id, formId });
  if (draft) ctx.audit.entityIds.push(draft.id);
  return draft ? toRecord(ctx, draft) : null;
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
