import type { Office, Role } from './offices';

/**
 * Hand-over of a client file to another of our offices (Fallübergabe): the person moves, e.g. from Lünen to Werne,
 * and with the person's consent the receiving office becomes the keeping office of the whole file. The old office
 * keeps only what a consent still allows it once the file has reached the new office.
 */

/** Offices that keep client files and so can receive one: the three KIM offices (the ABH keeps no KIM files). */
export const HANDOVER_OFFICES = ['lunen', 'werne', 'selm'] as const satisfies readonly Office[];
export type HandoverOffice = (typeof HANDOVER_OFFICES)[number];

/** Why a file changes office; a code, so that both offices' statistics can count hand-overs without free text. */
export const HANDOVER_REASONS = ['moved', 'responsibility', 'other'] as const;
export type HandoverReason = (typeof HANDOVER_REASONS)[number];

/** Case managers hand files over and take them over (the work of the keeping office's case management). */
export const HANDOVER_ROLES: readonly Role[] = ['fallmanagement'];
