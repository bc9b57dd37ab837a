/**
 * Domain vocabularies of client files and cases (PRODUCT.md glossary). Codes are stable English identifiers; the UI
 * shows German labels through i18n keys named after them.
 */
export const GENDERS = ['female', 'male', 'diverse', 'unknown'] as const;
export type Gender = (typeof GENDERS)[number];

/** Nationality: ISO 3166-1 alpha-2 code, or one of these. */
export const SPECIAL_NATIONALITIES = ['stateless', 'unclarified'] as const;

export const RESIDENCE_TYPES = [
  'gestattung', // Aufenthaltsgestattung
  'duldung',
  'aufenthaltserlaubnis',
  'niederlassungserlaubnis',
  'eu-freizuegigkeit',
  'fiktionsbescheinigung',
  'other',
] as const;
export type ResidenceType = (typeof RESIDENCE_TYPES)[number];

/** DGCC case-management phases, in order. */
export const CASE_PHASES = ['intake', 'assessment', 'planning', 'implementation', 'evaluation', 'closure'] as const;
export type CasePhase = (typeof CASE_PHASES)[number];

export const RECHTSKREISE = ['sgb2', 'sgb3', 'sgb8', 'sgb12', 'asylblg', 'aufenthg'] as const;
export type Rechtskreis = (typeof RECHTSKREISE)[number];

export const LIFE_AREAS = ['language', 'work', 'housing', 'health', 'education', 'residence', 'family', 'finances'] as const;
export type LifeArea = (typeof LIFE_AREAS)[number];

/** Need per life area found in the assessment. */
export const NEED_LEVELS = ['none', 'some', 'urgent'] as const;
export type NeedLevel = (typeof NEED_LEVELS)[number];

export const GOAL_STATUSES = ['open', 'in-progress', 'achieved', 'partly-achieved', 'not-achieved', 'dropped'] as const;
export type GoalStatus = (typeof GOAL_STATUSES)[number];

export const MEASURE_STATUSES = ['planned', 'running', 'done', 'cancelled'] as const;
export type MeasureStatus = (typeof MEASURE_STATUSES)[number];

export const NOTE_KINDS = ['in-person', 'phone', 'home-visit', 'case-conference', 'email'] as const;
export type NoteKind = (typeof NOTE_KINDS)[number];

export const CLOSURE_REASONS = ['goals-achieved', 'moved-away', 'no-contact', 'client-ended', 'handed-over', 'other'] as const;
export type ClosureReason = (typeof CLOSURE_REASONS)[number];

export const HOUSEHOLD_RELATIONS = ['spouse', 'child', 'parent', 'sibling', 'other'] as const;
export type HouseholdRelation = (typeof HOUSEHOLD_RELATIONS)[number];

export const DOCUMENT_CATEGORIES = ['identity', 'residence', 'certificate', 'application', 'notice', 'medical', 'consent', 'other'] as const;
export type DocumentCategory = (typeof DOCUMENT_CATEGORIES)[number];

/** Largest attachment accepted (scans of several pages fit; a whole archive does not). */
export const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;
export const DOCUMENT_MIME_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;

/** Residence statuses ending within this many days are flagged "läuft ab". */
export const EXPIRY_WARNING_DAYS = 56;
