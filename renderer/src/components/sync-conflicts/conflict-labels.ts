import type { i18n as I18n, TFunction } from 'i18next';
import type { ConflictSide, SyncConflictView } from '../../api/core';
import { formatDate, formatTime } from '../../format/date';
import { formatIsoDay } from '../../format/partial-date';
import { countryName, languageName } from '../../format/world';

/**
 * How a conflict reads in German: which record and field, and each value as the file shows it (codes as their
 * names, dates as dd.MM.yyyy). The core names fields by their record's field name; unknown ones get a generic label.
 */

/** Text branches for fields whose values are codes (e.g. goal.status 'running' → "läuft"). */
const CODE_TEXTS: Record<string, string> = {
  'client.gender': 'genders',
  'residence_status.type': 'residenceTypes',
  'household_member.relation': 'relations',
  'case.phase': 'phases',
  'case.closureReason': 'closureReasons',
  'case.rechtskreise': 'rechtskreise',
  'assessment.need': 'needLevels',
  'goal.status': 'goalStatuses',
  'measure.status': 'measureStatuses',
  'note.kind': 'noteKinds',
};

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** "Stammdaten: Telefon"; a field the UI does not know yet still says which field it is. */
export function fieldLabel(t: TFunction, i18n: I18n, c: Pick<SyncConflictView, 'entity' | 'field'>): string {
  const fieldKey = `syncConflicts.fields.${c.entity}.${c.field}`;
  return i18n.exists(fieldKey) ? t(fieldKey) : t('syncConflicts.unknownField', { field: c.field });
}

export function recordLabel(t: TFunction, i18n: I18n, c: Pick<SyncConflictView, 'entity'>): string {
  const recordKey = `syncConflicts.records.${c.entity}`;
  return t(i18n.exists(recordKey) ? recordKey : 'syncConflicts.records.unknown');
}

function item(t: TFunction, i18n: I18n, c: SyncConflictView, v: unknown): string {
  if (typeof v === 'object' && v !== null && 'code' in v) return languageName(String((v as { code: unknown }).code), i18n.language);
  const s = String(v);
  if (c.entity === 'client' && c.field === 'nationalities') return i18n.exists(`nationalities.${s}`) ? t(`nationalities.${s}`) : countryName(s, i18n.language);
  if (c.entity === 'client' && c.field === 'languages') return languageName(s, i18n.language);
  const branch = CODE_TEXTS[`${c.entity}.${c.field}`];
  if (branch && i18n.exists(`${branch}.${s}`)) return t(`${branch}.${s}`);
  return ISO_DAY.test(s) ? formatIsoDay(s) : s;
}

/** A side's value as text; "(leer)" for no value. Lists (stored as JSON) read as "a, b". */
export function valueText(t: TFunction, i18n: I18n, c: SyncConflictView, value: string | null): string {
  if (value === null || value === '') return t('syncConflicts.emptyValue');
  if (value.startsWith('[')) {
    try {
      const list = JSON.parse(value) as unknown;
      if (Array.isArray(list)) return list.length ? list.map((v) => item(t, i18n, c, v)).join(', ') : t('syncConflicts.emptyValue');
    } catch {
      // Not JSON after all: shown as written.
    }
  }
  return item(t, i18n, c, value);
}

/** "von Derya Yilmaz, 01.12.2026, 03:59 Uhr". */
export function writtenBy(t: TFunction, side: ConflictSide): string {
  const when = { date: formatDate(side.at), time: formatTime(side.at) };
  return side.actorName ? t('syncConflicts.written', { name: side.actorName, ...when }) : t('syncConflicts.writtenUnknown', when);
}
