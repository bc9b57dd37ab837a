import type { DataCategory } from '../data-categories';
import type { Office } from '../offices';
import type { ConsentFormChoice } from './print-types';

/** What the Art. 15 dialog shows before the report is written: what it will contain, counted, and for whom. */
export interface AccessReportPreview {
  clientId: string;
  displayName: string;
  birthDate: string | null;
  office: Office;
  /** The client's first language the report is offered in beside German, or 'de'. */
  suggestedLanguage: ConsentFormChoice;
  counts: AccessReportCounts;
  /** Every recipient by name. */
  recipients: string[];
  /** Accounts in the audit trail that read, changed or printed the file. */
  viewers: number;
  categories: DataCategory[];
  retention: RetentionView;
  /** Protected categories the caller holds no key for: their texts are marked, not printed. */
  withheld: DataCategory[];
}

export interface AccessReportCounts {
  cases: number;
  goals: number;
  measures: number;
  notes: number;
  documents: number;
  consents: number;
  referrals: number;
  conferences: number;
  residence: number;
  household: number;
  mentions: number;
}

/** The retention period (contract/retention.ts) as one flat record: null where the kind has no such fact. */
export interface RetentionView {
  kind: 'open' | 'until';
  years: number;
  from: 'last-case-closed' | 'file-created' | null;
  basisDate: string | null;
  keepUntil: string | null;
}
