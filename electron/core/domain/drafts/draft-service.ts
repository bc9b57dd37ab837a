import { randomUUID } from 'node:crypto';
import { requireSession, type CallContext } from '../../api/call-context';
import { DraftEntity, type Draft } from './draft-entity';
import type { DraftRecord } from "../../contract/types/workstation-types";

function toRecord(d: Draft): DraftRecord {
  return { formId: d.formId, data: JSON.parse(d.data) as DraftRecord['data'], savedAt: d.savedAt };
}

/** Saves (replaces) the caller's draft of one form. Drafts are per account and never leave the workstation. */
export async function saveDraft(ctx: CallContext, formId: string, data: DraftRecord['data']): Promise<DraftRecord> {
  const { session, tx } = requireSession(ctx);
  const existing = await tx.findOneBy(DraftEntity, { accountId: session.user.id, formId });
  const draft: Draft = {
    id: existing?.id ?? randomUUID(),
    accountId: session.user.id,
    formId,
    data: JSON.stringify(data),
    savedAt: ctx.now.toISOString(),
  };
  await tx.save(DraftEntity, draft);
  ctx.audit.entityIds.push(draft.id);
  ctx.audit.fields.push(...Object.keys(data));
  return toRecord(draft);
}

export async function getDraft(ctx: CallContext, formId: string): Promise<DraftRecord | null> {
  const { session, tx } = requireSession(ctx);
  const draft = await tx.findOneBy(DraftEntity, { accountId: session.user.id, formId });
  if (draft) ctx.audit.entityIds.push(draft.id);
  return draft ? toRecord(draft) : null;
}

export async function discardDraft(ctx: CallContext, formId: string): Promise<null> {
  const { session, tx } = requireSession(ctx);
  const draft = await tx.findOneBy(DraftEntity, { accountId: session.user.id, formId });
  if (draft) {
    await tx.delete(DraftEntity, { id: draft.id });
    ctx.audit.entityIds.push(draft.id);
  }
  return null;
}

export async function openDraftForms(ctx: CallContext): Promise<string[]> {
  const { session, tx } = requireSession(ctx);
  const rows = await tx.find(DraftEntity, { where: { accountId: session.user.id }, order: { savedAt: 'DESC' } });
  return rows.map((d) => d.formId);
}
