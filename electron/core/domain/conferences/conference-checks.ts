import type { z } from 'zod';
import type { conferenceSaveInput } from '../../contract/schemas/conference-schemas';
import { LIFE_AREA_DATA_CATEGORY, OWNER_ROLES, ROLE_CATEGORIES } from '../../contract/data-categories';
import { AppError, type ValidationIssue } from '../../contract/errors';
import type { LifeArea } from '../../contract/case-domain';
import { AccessDenied } from '../access/access-denied';
import type { ClientDataContext } from '../access/call-access';
import type { ClientAccess } from '../access/access-policy';
import { GoalEntity, type Goal, type KimCase } from '../cases/case-entities';
import { AccountEntity } from '../users/account-entity';
import { PartnerContactEntity, PartnerEntity } from '../partners/partner-entities';
import { ConsentEntity } from '../consent/consent-entities';
import type { CaseConference } from './conference-entities';

/** The checks of a conference's input against the vault: who took part, the consent, and each agreed action. */

type SaveInput = z.output<typeof conferenceSaveInput>;

/** Whether `id` is an active account of `office` whose role keeps files (may be responsible for case work). */
async function isCaseWorker(ctx: ClientDataContext, id: string, office: string): Promise<boolean> {
  const account = await ctx.tx.findOneBy(AccountEntity, { id, active: true });
  return Boolean(account && account.office === office && OWNER_ROLES.includes(account.role));
}

/** Who watches what a partner agreed to do, and the next date: the case's manager, or the caller if that account left. */
export async function caseSteward(ctx: ClientDataContext, k: KimCase): Promise<string> {
  return (await isCaseWorker(ctx, k.caseManagerId, k.office)) ? k.caseManagerId : ctx.user.id;
}

/** Refuses, naming no content, a write into a category the caller's role does not see (like closing a case). */
export function requireCategory(access: ClientAccess, k: KimCase, area: LifeArea | 'results'): void {
  const category = area === 'results' ? 'conversation-notes' : LIFE_AREA_DATA_CATEGORY[area];
  if (!access.categories.has(category)) throw new AccessDenied('roleCategory', { entity: 'client', entityId: k.clientId, fields: [`conference:${area}`] });
}

export interface CheckedAction {
  input: SaveInput['actions'][number];
  goal: Goal | null;
  whoName: string;
}

/** Checks participants, consent and actions; every finding is reported at once, by path, without their values. */
export async function checkInput(ctx: ClientDataContext, k: KimCase, input: SaveInput, existing: CaseConference | null, access: ClientAccess): Promise<CheckedAction[]> {
  const { tx } = ctx;
  const issues: ValidationIssue[] = [];
  const previousPartners = existing
    ? new Set(((await tx.query('SELECT partner_id FROM case_conference_participant WHERE conference_id = ? AND partner_id IS NOT NULL', [existing.id])) as { partner_id: string }[]).map((r) => r.partner_id))
    : new Set<string>();
  const seen = new Set<string>();
  const partnerNames = new Map<string, string>();
  for (const [i, p] of input.participants.entries()) {
    const key = p.kind === 'partner' ? `p:${p.partnerId}:${p.contactId ?? ''}` : `s:${p.accountId}`;
    if (seen.has(key)) issues.push({ path: `participants.${i}`, code: 'duplicate' });
    seen.add(key);
    if (p.kind === 'partner') {
      const partner = await tx.findOneBy(PartnerEntity, { id: p.partnerId });
      // An archived partner stays on conferences it already took part in; new ones need a current partner.
      if (!partner || (partner.archivedAt && !previousPartners.has(partner.id))) issues.push({ path: `participants.${i}.partnerId`, code: 'unknown_partner' });
      else partnerNames.set(partner.id, partner.name);
      if (p.contactId) {
        const contact = await tx.findOneBy(PartnerContactEntity, { id: p.contactId });
        if (!contact || contact.partnerId !== p.partnerId) issues.push({ path: `participants.${i}.contactId`, code: 'not_of_partner' });
      }
    } else if (!(await isCaseWorker(ctx, p.accountId, k.office))) {
      issues.push({ path: `participants.${i}.accountId`, code: 'not_case_worker' });
    }
  }
  if (input.consentId) {
    const consent = await tx.findOneBy(ConsentEntity, { id: input.consentId });
    if (!consent || consent.clientId !== k.clientId) issues.push({ path: 'consentId', code: 'not_of_client' });
  }
  const checked: CheckedAction[] = [];
  for (const [i, a] of input.actions.entries()) {
    let whoName = '';
    const account = a.who.kind === 'staff' ? await tx.findOneBy(AccountEntity, { id: a.who.accountId }) : null;
    if (a.who.kind === 'staff') {
      if (!account || !(await isCaseWorker(ctx, a.who.accountId, k.office))) issues.push({ path: `actions.${i}.who.accountId`, code: 'not_case_worker' });
      else whoName = account.displayName;
    } else {
      const name = partnerNames.get(a.who.partnerId);
      if (!name) issues.push({ path: `actions.${i}.who.partnerId`, code: 'not_participant' });
      else whoName = name;
    }
    let goal: Goal | null = null;
    if (a.goalId) {
      goal = await tx.findOneBy(GoalEntity, { id: a.goalId });
      if (!goal || goal.caseId !== k.id) {
        issues.push({ path: `actions.${i}.goalId`, code: 'not_of_case' });
        goal = null;
      } else {
        requireCategory(access, k, goal.area as LifeArea);
        // The colleague responsible must be able to see the measure (Verwaltung sees no health goal).
        if (account && !(ROLE_CATEGORIES[account.role] ?? []).includes(LIFE_AREA_DATA_CATEGORY[goal.area as LifeArea])) {
          issues.push({ path: `actions.${i}.who.accountId`, code: 'role_lacks_category' });
        }
      }
    }
    checked.push({ input: a, goal, whoName });
  }
  if (issues.length) throw new AppError('validation.invalid', { issues });
  return checked;
}
