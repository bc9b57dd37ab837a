import type { DraftData } from '../../app/lock-coordinator';
import type { ActionRow, ConferenceFormValues, ParticipantRow } from './conference-values';

/** The conference dialog's input as a draft that survives a lock (see app/use-draft.ts). */

/** Drafts of the dialog: `cases.conference:<case id>:<conference id or "new">`, so "Offene Entwürfe" links the case. */
export const CONFERENCE_DRAFT_PREFIX = 'cases.conference:';
export const conferenceDraftId = (caseId: string, conferenceId: string | null) => `${CONFERENCE_DRAFT_PREFIX}${caseId}:${conferenceId ?? 'new'}`;
/** The case of a conference draft's form id. */
export const caseOfConferenceDraft = (formId: string) => formId.slice(CONFERENCE_DRAFT_PREFIX.length).split(':')[0]!;

/** The dialog's values as a draft (flat scalars: the lists travel as JSON text). */
export function toDraft(v: ConferenceFormValues): DraftData {
  const { participants, actions, situations, ...flat } = v;
  return { ...flat, participants: JSON.stringify(participants), actions: JSON.stringify(actions), situations: JSON.stringify(situations) };
}

const isString = (x: unknown): x is string => typeof x === 'string';
const listOf = <T>(text: unknown, ok: (e: Record<string, unknown>) => boolean): T[] | null => {
  if (!isString(text)) return null;
  try {
    const parsed = JSON.parse(text) as unknown;
    return Array.isArray(parsed) && parsed.every((e) => typeof e === 'object' && e !== null && ok(e as Record<string, unknown>)) ? (parsed as T[]) : null;
  } catch {
    return null;
  }
};

/**
 * A stored draft back as dialog values over `base`: stored data is not trusted shape, so only known fields of the
 * expected type are taken (a list that does not parse is left as it was).
 */
export function fromDraft(data: DraftData, base: ConferenceFormValues): ConferenceFormValues | null {
  const next: ConferenceFormValues = { ...base };
  let any = false;
  const take = <K extends keyof ConferenceFormValues>(key: K, value: ConferenceFormValues[K] | null | undefined) => {
    if (value === null || value === undefined) return;
    next[key] = value;
    any = true;
  };
  for (const key of ['heldOn', 'heldAt', 'interpreterLanguage', 'interpreterName', 'consentId', 'results', 'nextOn'] as const) take(key, isString(data[key]) ? data[key] : null);
  for (const key of ['clientPresent', 'interpreter'] as const) take(key, typeof data[key] === 'boolean' ? data[key] : null);
  const strings = (e: Record<string, unknown>, keys: string[]) => keys.every((k) => isString(e[k]));
  take('participants', listOf<ParticipantRow>(data.participants, (e) => strings(e, ['key', 'refId', 'name', 'contactId', 'role']) && (e.kind === 'partner' || e.kind === 'staff')));
  take('actions', listOf<ActionRow>(data.actions, (e) => strings(e, ['key', 'who', 'what', 'due', 'goalId'])));
  if (isString(data.situations)) {
    try {
      const parsed = JSON.parse(data.situations) as unknown;
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
        take('situations', Object.fromEntries(Object.entries(parsed as Record<string, unknown>).filter((entry): entry is [string, string] => isString(entry[1]))));
      }
    } catch {
      // A damaged list stays as the form had it.
    }
  }
  return any ? next : null;
}
