import type { DataCategory } from '../data-categories';
import type { HandoverOffice, HandoverReason } from '../handover-domain';
import type { Office } from '../offices';

/** A consent that names the receiving office, and what of the file it does not cover. */
export interface HandoverConsentOption {
  id: string;
  validFrom: string;
  validUntil: string | null;
  /** Categories the file holds data in that this consent does not release to the office: empty when it suffices. */
  missing: DataCategory[];
}

/** Whether the file can go to one office, and if not, precisely why. */
export interface HandoverOfficeOption {
  office: HandoverOffice;
  /** The office has a member workstation in the sync network (the file travels there by sync). */
  inNetwork: boolean;
  consents: HandoverConsentOption[];
}

export interface HandoverPreparation {
  clientId: string;
  /** The categories the file holds data in: a consent must release each of them to the new office. */
  heldCategories: DataCategory[];
  /** False when this workstation is in no sync network: a hand-over travels only by sync. */
  networkJoined: boolean;
  offices: HandoverOfficeOption[];
}

/** A hand-over as the client file shows it. */
export interface HandoverView {
  id: string;
  clientId: string;
  fromOffice: Office;
  toOffice: Office;
  reason: HandoverReason;
  handedOn: string;
  handedByName: string;
  acceptedAt: string | null;
  acceptedByName: string | null;
}

/** A file handed to the caller's office that no case manager has taken over yet (Meine Arbeit). */
export interface IncomingHandover extends HandoverView {
  clientName: string;
  birthDate: string | null;
}
