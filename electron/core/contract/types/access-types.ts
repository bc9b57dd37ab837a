import type { ConsentForm, DataCategory } from '../data-categories';
import type { Office } from '../offices';

/** What the caller may do with one client file; the UI uses it to show "no consent" instead of empty sections. */
export interface ClientAccessView {
  /** The caller's office keeps this file. */
  owner: boolean;
  /** May change the file (owner office, a role that keeps files). */
  canWrite: boolean;
  /** Processing restricted (DSGVO Art. 18): read-only until Datenschutz lifts it; the page shows a banner. */
  restricted: boolean;
  /** Categories present in this response; the fields of all others are absent. */
  categories: DataCategory[];
}

export type ConsentStatus = 'active' | 'pending' | 'expired' | 'revoked';

export interface ConsentView {
  id: string;
  version: number;
  clientId: string;
  office: Office;
  parties: Office[];
  agencies: string[];
  /** Directory partners the consent names, with their current names. */
  partners: { id: string; name: string }[];
  categories: DataCategory[];
  purpose: string;
  validFrom: string;
  validUntil: string | null;
  form: ConsentForm;
  documentId: string | null;
  oralRecord: string | null;
  recordedByName: string;
  status: ConsentStatus;
  /** Active and ending within CONSENT_EXPIRY_WARNING_DAYS. */
  expiringSoon: boolean;
  revocation: { on: string; form: ConsentForm; note: string | null; byName: string } | null;
  createdAt: string;
}
