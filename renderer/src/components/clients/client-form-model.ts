import type { TFunction } from 'i18next';
import type { z } from 'zod';
import type { ClientDetail } from '../../api/case-types';
import { clientFieldShapes } from '../../api/case-types';
import type { Gender } from '../../api/core';
import { checkField } from '../../api/validation-text';
import { parseGermanPartial, precisionOf, toGermanInput, type DatePrecision } from '../../format/partial-date';

/**
 * The master-data form as flat values (so the draft hook can keep it across a lock) and its mapping to the API's
 * clientFields input. Dates are typed the German way and converted here.
 */
// A type alias, not an interface: only aliases are assignable to the draft hook's flat record type.
export type ClientFormValues = {
  familyName: string;
  givenNames: string;
  alternativeNames: string;
  birthPrecision: DatePrecision;
  birthDate: string;
  birthDatePlaceholder: boolean;
  gender: Gender;
  nationality1: string;
  nationality2: string;
  otherNationality: string;
  language1: string;
  interpreter1: boolean;
  language2: string;
  interpreter2: boolean;
  arrivalDate: string;
  street: string;
  postalCode: string;
  city: string;
  phone: string;
  email: string;
};

export const EMPTY_CLIENT_FORM: ClientFormValues = {
  familyName: '',
  givenNames: '',
  alternativeNames: '',
  birthPrecision: 'day',
  birthDate: '',
  birthDatePlaceholder: false,
  gender: 'unknown',
  nationality1: '',
  nationality2: '',
  otherNationality: '',
  language1: '',
  interpreter1: false,
  language2: '',
  interpreter2: false,
  arrivalDate: '',
  street: '',
  postalCode: '',
  city: '',
  phone: '',
  email: '',
};

export type ClientFieldName = keyof typeof EMPTY_CLIENT_FORM;

/** The order in which fields appear, so the first invalid one gets focus. */
export const CLIENT_FIELD_ORDER: ClientFieldName[] = [
  'familyName', 'givenNames', 'alternativeNames', 'birthDate', 'gender', 'nationality1', 'nationality2', 'otherNationality',
  'language1', 'language2', 'arrivalDate', 'street', 'postalCode', 'city', 'phone', 'email',
];

const nonEmpty = (s: string): string | null => (s.trim() ? s.trim() : null);

/** Arrival may be "2015", "09.2015" or "01.09.2015": the precision follows what was typed. */
function parseFlexible(text: string): string | null {
  const s = text.trim();
  if (/^\d{4}$/.test(s)) return parseGermanPartial(s, 'year');
  if (/^\d{1,2}\.\d{4}$/.test(s)) return parseGermanPartial(s, 'month');
  return parseGermanPartial(s, 'day');
}

export function toClientInput(v: ClientFormValues) {
  const nationalities = [v.nationality1, v.nationality2, v.otherNationality.trim().toUpperCase()].filter((n, i, all) => n && all.indexOf(n) === i);
  const languages = [
    { code: v.language1, interpreterNeeded: v.interpreter1 },
    { code: v.language2, interpreterNeeded: v.interpreter2 },
  ].filter((l) => l.code);
  return {
    familyName: v.familyName.trim(),
    givenNames: v.givenNames.trim(),
    alternativeNames: v.alternativeNames.split(/[\n;]/).map((s) => s.trim()).filter(Boolean),
    birthDate: v.birthDate.trim() ? parseGermanPartial(v.birthDate, v.birthPrecision) : null,
    birthDatePlaceholder: v.birthPrecision === 'day' && v.birthDatePlaceholder,
    gender: v.gender,
    nationalities,
    languages,
    arrivalDate: v.arrivalDate.trim() ? parseFlexible(v.arrivalDate) : null,
    street: nonEmpty(v.street) ?? undefined,
    postalCode: nonEmpty(v.postalCode),
    city: nonEmpty(v.city) ?? undefined,
    phone: nonEmpty(v.phone),
    email: nonEmpty(v.email),
  };
}

export function fromClientDetail(c: ClientDetail): ClientFormValues {
  const specials = c.nationalities ?? [];
  return {
    familyName: c.familyName,
    givenNames: c.givenNames,
    alternativeNames: c.alternativeNames.join('\n'),
    birthPrecision: precisionOf(c.birthDate),
    birthDate: toGermanInput(c.birthDate),
    birthDatePlaceholder: c.birthDatePlaceholder,
    gender: c.gender ?? 'unknown',
    nationality1: specials[0] ?? '',
    nationality2: specials[1] ?? '',
    otherNationality: specials[2] ?? '',
    language1: c.languages?.[0]?.code ?? '',
    interpreter1: c.languages?.[0]?.interpreterNeeded ?? false,
    language2: c.languages?.[1]?.code ?? '',
    interpreter2: c.languages?.[1]?.interpreterNeeded ?? false,
    arrivalDate: toGermanInput(c.arrivalDate ?? null),
    street: c.street ?? '',
    postalCode: c.postalCode ?? '',
    city: c.city ?? '',
    phone: c.phone ?? '',
    email: c.email ?? '',
  };
}

function schemaCheck(t: TFunction, schema: z.ZodType, value: unknown, message: string): string | undefined {
  return schema.safeParse(value).success ? undefined : t(message);
}

/** German messages at the fields, from the shared schemas plus the German date rules of the form. */
export function clientFormErrors(t: TFunction, v: ClientFormValues): Partial<Record<ClientFieldName, string>> {
  const input = toClientInput(v);
  const errors: Partial<Record<ClientFieldName, string>> = {
    familyName: checkField(t, clientFieldShapes.familyName, v.familyName) ?? undefined,
    givenNames: checkField(t, clientFieldShapes.givenNames, v.givenNames) ?? undefined,
  };
  if (v.birthDate.trim() && !input.birthDate) errors.birthDate = t(`validation.birthDate.${v.birthPrecision}`);
  if (v.arrivalDate.trim() && !input.arrivalDate) errors.arrivalDate = t('validation.arrivalDate');
  if (v.otherNationality.trim() && !/^[A-Za-z]{2}$/.test(v.otherNationality.trim())) errors.otherNationality = t('validation.isoCountry');
  if (input.postalCode) errors.postalCode = schemaCheck(t, clientFieldShapes.postalCode, input.postalCode, 'validation.postalCode');
  if (input.phone) errors.phone = schemaCheck(t, clientFieldShapes.phone, input.phone, 'validation.phone');
  if (input.email) errors.email = schemaCheck(t, clientFieldShapes.email, input.email, 'validation.email');
  if (input.alternativeNames.length > 10) errors.alternativeNames = t('validation.tooManyNames');
  return errors;
}

/** Core issue paths → form fields, for a `validation.invalid` answer. */
export function fieldOfIssuePath(path: string): ClientFieldName | null {
  const top = path.split('.')[0] ?? '';
  if (top === 'nationalities') return 'nationality1';
  if (top === 'languages') return 'language1';
  return (CLIENT_FIELD_ORDER as string[]).includes(top) ? (top as ClientFieldName) : null;
}

/** Specific German wording for the fields whose generic "ungültig" would not help. */
export const FIELD_MESSAGES: Partial<Record<ClientFieldName, string>> = {
  postalCode: 'validation.postalCode',
  phone: 'validation.phone',
  email: 'validation.email',
  birthDate: 'validation.birthDate.day',
  arrivalDate: 'validation.arrivalDate',
};

/**
 * The form as a draft: selections still at their default are stored as '' so an untouched form counts as empty
 * (the draft hook restores only into an empty form, and keeps nothing for one).
 */
export type ClientDraft = Omit<ClientFormValues, 'birthPrecision' | 'gender'> & { birthPrecision: string; gender: string };

export function toDraft(v: ClientFormValues): ClientDraft {
  return { ...v, birthPrecision: v.birthPrecision === 'day' ? '' : v.birthPrecision, gender: v.gender === 'unknown' ? '' : v.gender };
}

export function fromDraft(d: ClientDraft): ClientFormValues {
  const precision = d.birthPrecision === 'year' || d.birthPrecision === 'month' ? d.birthPrecision : 'day';
  const gender = (['female', 'male', 'diverse'] as const).find((g) => g === d.gender) ?? 'unknown';
  return { ...d, birthPrecision: precision, gender };
}

/** Server errors of the fields the user just changed are stale: drop them (new-client and master-data forms). */
export function withoutErrorsFor<E extends Partial<Record<ClientFieldName, string>>>(errors: E, patch: Partial<ClientFormValues>): E {
  const next = { ...errors };
  for (const k of Object.keys(patch)) delete next[k as ClientFieldName];
  return next;
}

/** The draft of the Stammdaten editor is kept per client: one form id per client file. */
/** Drafts of a client's master data are keyed by the client, so the home page can link to the file. */
export const MASTER_DRAFT_PREFIX = 'clients.master.';

export function masterDraftFormId(clientId: string): string {
  return `${MASTER_DRAFT_PREFIX}${clientId}`;
}

/** What the Stammdaten editor keeps across a lock: its values and the version they were edited on. */
export interface MasterDraft {
  values: ClientFormValues;
  /** The record version the edit started from; the save sends it, so a changed file still hits the version check. */
  baseVersion: number;
}

export type MasterDraftData = ClientFormValues & { baseVersion: number };

export function toMasterDraft(d: MasterDraft): MasterDraftData {
  return { ...d.values, baseVersion: d.baseVersion };
}

/**
 * A stored draft back into form values. Stored data is not trusted shape: only known fields with the expected type
 * are taken (others keep the `fallback`), selections are checked against their options, and without a valid base
 * version there is no draft (it could not be saved safely).
 */
export function fromMasterDraft(data: Record<string, unknown>, fallback: ClientFormValues): MasterDraft | null {
  const baseVersion = data.baseVersion;
  if (typeof baseVersion !== 'number' || !Number.isInteger(baseVersion) || baseVersion < 1) return null;
  const values: Record<string, unknown> = { ...fallback };
  for (const key of Object.keys(fallback) as ClientFieldName[]) {
    const v = data[key];
    if (v !== undefined && typeof v === typeof fallback[key]) values[key] = v;
  }
  const v = values as ClientFormValues;
  const birthPrecision = (['year', 'month', 'day'] as const).find((p) => p === v.birthPrecision) ?? fallback.birthPrecision;
  const gender = (['female', 'male', 'diverse', 'unknown'] as const).find((g) => g === v.gender) ?? fallback.gender;
  return { values: { ...v, birthPrecision, gender }, baseVersion };
}

/** Whether two states of the form differ in anything the user could save. */
export function sameFormValues(a: ClientFormValues, b: ClientFormValues): boolean {
  return (Object.keys(a) as ClientFieldName[]).every((k) => a[k] === b[k]);
}
