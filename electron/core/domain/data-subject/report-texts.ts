import { z } from 'zod';
import { CASE_PHASES, CLOSURE_REASONS, DOCUMENT_CATEGORIES, GENDERS, MEASURE_STATUSES, NOTE_KINDS, RECHTSKREISE } from '../../contract/case-domain';
import { ROLES } from '../../contract/offices';
import { REFERRAL_STATES } from '../../contract/referral-domain';
import type { ConsentFormChoice } from '../../contract/types/print-types';
import { textSection as section, vocabulary } from '../../platform/print/print-labels';
import ar from '../../../../resources/templates/access-report/ar.json';
import de from '../../../../resources/templates/access-report/de.json';
import en from '../../../../resources/templates/access-report/en.json';
import fa from '../../../../resources/templates/access-report/fa.json';
import ru from '../../../../resources/templates/access-report/ru.json';
import tr from '../../../../resources/templates/access-report/tr.json';
import uk from '../../../../resources/templates/access-report/uk.json';
import recordsDe from '../../../../resources/templates/access-report/records/de.json';
import authority from '../../../../resources/templates/access-report/supervisory-authority.json';

/**
 * The wording of the Art. 15 report, as reviewed data files (resources/templates/access-report/, see its README):
 * the explanatory parts (purposes, rights, complaint …) per language, in the consent form's languages; the labels of
 * the copy of the data in German only (the data are stored in German); the supervisory authority's address. The
 * schemas refuse a missing or extra key; tests check that every language uses German's placeholders.
 */

const text = z.string().trim().min(1);

export const accessReportTextsSchema = z.strictObject({
  meta: z.strictObject({ code: z.string().regex(/^[a-z]{2,3}$/), dir: z.enum(['ltr', 'rtl']), name: text, nameInGerman: text }),
  title: text,
  subtitle: text,
  intro: section(['heading', 'text', 'deadline']),
  controller: section(['heading', 'text']),
  purposes: section(['heading', 'mandate', 'legal', 'consents']),
  categories: section(['heading', 'text', 'art9']),
  recipients: section(['heading', 'text', 'none', 'sync']),
  retention: section(['heading', 'rule', 'open', 'until', 'fromCreated']),
  sources: section(['heading', 'text', 'none']),
  rights: section(['heading', 'text', 'rectification', 'erasure', 'restriction', 'objection', 'revocation', 'contact']),
  complaint: section(['heading', 'text']),
  viewers: section(['heading', 'text', 'none']),
  copy: section(['heading', 'text', 'withheld']),
  footer: section(['authoritative', 'reference']),
});
export type AccessReportTexts = z.output<typeof accessReportTextsSchema>;

export const recordLabelsSchema = z.strictObject({
  person: section(['heading', 'name', 'alternativeNames', 'birthDate', 'birthDateEstimated', 'gender', 'nationalities', 'languages', 'interpreter', 'arrivalDate', 'address', 'phone', 'email', 'createdAt', 'office']),
  residence: section(['heading', 'type', 'legalBasis', 'validFrom', 'validUntil']),
  household: section(['heading', 'name', 'relation', 'birthYear']),
  mentions: section(['heading', 'text', 'relation', 'birthYear', 'office', 'createdAt']),
  cases: section([
    'heading', 'case', 'openedOn', 'closedOn', 'stillOpen', 'phase', 'caseManager', 'rechtskreise', 'phaseHistory', 'assessment', 'area', 'need', 'note', 'goals', 'goal',
    'changedBy', 'status', 'measure', 'owner', 'dueDate', 'outcome', 'notes', 'date', 'kind', 'author', 'text', 'participants', 'internal', 'followUps', 'title', 'done', 'closure',
    'reason', 'summary', 'none',
  ]),
  documents: section(['heading', 'name', 'category', 'date', 'size']),
  consents: section(['heading', 'recipients', 'categories', 'purpose', 'validity', 'from', 'fromUntil', 'form', 'written', 'oral', 'revokedOn', 'status']),
  referrals: section(['heading', 'partner', 'request', 'categories', 'state', 'sentOn', 'createdAt']),
  conferences: section(['heading', 'conference', 'clientPresent', 'yes', 'no', 'participants', 'situation', 'results', 'actions', 'who', 'what', 'by', 'nextOn']),
  recipients: z.strictObject({
    kinds: section(['office', 'partner', 'agency']),
    consent: text,
    referral: text,
    minutes: text,
    sync: text,
  }),
  sources: section(['officeSync', 'referralFeedback', 'conference', 'householdMention']),
  viewers: z.strictObject({ name: text, role: text, office: text, kind: text, period: text, count: text, kinds: section(['read', 'changed', 'printed']) }),
  withheld: text,
  notRecorded: text,
  vocabulary: z.strictObject({
    genders: vocabulary(GENDERS),
    phases: vocabulary(CASE_PHASES),
    rechtskreise: vocabulary(RECHTSKREISE),
    closureReasons: vocabulary(CLOSURE_REASONS),
    noteKinds: vocabulary(NOTE_KINDS),
    measureStatuses: vocabulary(MEASURE_STATUSES),
    documentCategories: vocabulary(DOCUMENT_CATEGORIES),
    referralStates: vocabulary(REFERRAL_STATES),
    consentStatuses: vocabulary(['active', 'pending', 'expired', 'revoked'] as const),
    roles: vocabulary(ROLES),
  }),
});
export type RecordLabels = z.output<typeof recordLabelsSchema>;

export const supervisoryAuthoritySchema = z.strictObject({ name: text, street: text, postalCode: text, city: text, phone: text, email: text, web: text });
export type SupervisoryAuthority = z.output<typeof supervisoryAuthoritySchema>;

/** The raw files by language code, for tests that check them key by key. */
export const ACCESS_REPORT_FILES: Readonly<Record<ConsentFormChoice, unknown>> = { de, ar, fa, uk, ru, tr, en };
export const RECORD_LABELS_FILE: unknown = recordsDe;
export const SUPERVISORY_AUTHORITY_FILE: unknown = authority;

let parsed: Map<ConsentFormChoice, AccessReportTexts> | null = null;
let labels: RecordLabels | null = null;
let supervisor: SupervisoryAuthority | null = null;

/** The validated texts of one language (parsed once; a broken file fails the first report, loudly, and every test). */
export function accessReportTexts(language: ConsentFormChoice): AccessReportTexts {
  parsed ??= new Map((Object.entries(ACCESS_REPORT_FILES) as [ConsentFormChoice, unknown][]).map(([code, file]) => [code, accessReportTextsSchema.parse(file)]));
  return parsed.get(language)!;
}

export function recordLabels(): RecordLabels {
  labels ??= recordLabelsSchema.parse(recordsDe);
  return labels;
}

export function supervisoryAuthority(): SupervisoryAuthority {
  supervisor ??= supervisoryAuthoritySchema.parse(authority);
  return supervisor;
}
