import type { OutputOf } from '../../../electron/core/contract/methods';

/** Case conferences as the contract answers them (cut to the caller's categories by core). */
export type ConferenceView = OutputOf<'conferences.list'>[number];
export type ConferenceActionView = NonNullable<ConferenceView['actions']>[number];
export type ConferenceParticipantView = NonNullable<ConferenceView['participants']>[number];
export type ConferenceActionDue = OutputOf<'work.overview'>['conferenceActions']['overdue'][number];
