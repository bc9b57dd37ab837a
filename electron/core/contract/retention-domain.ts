import type { Role } from './offices';

/**
 * Retention and deletion of client files (DSGVO Art. 5(1)(e), Art. 17) and restriction of processing (Art. 18).
 *
 * The retention rules, in one place (the machine policy may change the number of years, retention.*):
 * - A person who became a client (at least one case): the file is kept until `clientYears` (default 10) full
 *   calendar years have passed after the end of the year in which the last case was closed (KGSt practice for
 *   social files: 6 to 10 years after the year the file closed). A file with an open case is never due.
 * - A person who never became a client (a file without any case: first contact, a household entry of its own):
 *   `contactYears` (default 3) full years after the end of the year of the last contact (the file's last change).
 * Before deletion the file is offered to the public archive (ArchivG NRW): either it is handed over as an
 * encrypted package or the archive declines it; only then can the deletion be approved.
 */
export const RETENTION_KINDS = ['client', 'contact'] as const;
export type RetentionKind = (typeof RETENTION_KINDS)[number];

/** Why a deletion is asked for: the retention period ended, or the person asked for erasure (Art. 17). */
export const DELETION_GROUNDS = ['retention', 'subject'] as const;
export type DeletionGround = (typeof DELETION_GROUNDS)[number];

export const DELETION_STATUSES = ['pending', 'done', 'rejected'] as const;
export type DeletionStatus = (typeof DELETION_STATUSES)[number];

/** The offer to the public archive: handed over as an encrypted package, or declined by the archive. */
export const ARCHIVE_OUTCOMES = ['exported', 'declined'] as const;
export type ArchiveOutcome = (typeof ARCHIVE_OUTCOMES)[number];

/**
 * Who does what. Datenschutz finds the files due, asks for deletion, offers them to the archive and restricts
 * processing. The second pair of eyes is another Datenschutz account or Koordination: a small office often has one
 * data protection person, while Koordination (the KI, which steers the programme across offices) answers for the
 * programme's records; it approves the facts (the rule, the dates, the archive offer, the counts), never seeing the
 * person's name or birth date (data minimisation: Koordination sees no client data elsewhere either).
 */
export const RETENTION_ROLES = {
  request: ['datenschutz'],
  decide: ['datenschutz', 'koordination'],
} as const satisfies Record<string, readonly Role[]>;
export type RetentionPermission = keyof typeof RETENTION_ROLES;

export function retentionAllows(role: Role, what: RetentionPermission): boolean {
  return (RETENTION_ROLES[what] as readonly Role[]).includes(role);
}

/** The first day a file is due: 1 January of the year after `years` full years following the year of `lastDate`. */
export function dueFrom(lastDate: string, years: number): string {
  const year = Number(lastDate.slice(0, 4));
  return `${String(year + years + 1).padStart(4, '0')}-01-01`;
}

/** The archive package's file name (the Electron download guard lets exactly this through). */
export const ARCHIVE_FILE_NAME = /^kim-akte-archiv-\d{4}-\d{2}-\d{2}-[0-9a-f]{8}\.kimarch$/;
