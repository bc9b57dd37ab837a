import type { OverdueReferralView } from './referral-types';
import type { ConferenceActionDue } from './conference-types';
import type {
  CasePhase,
  ClosureReason,
  DocumentCategory,
  Gender,
  GoalStatus,
  HouseholdRelation,
  LifeArea,
  MeasureStatus,
  NeedLevel,
  NoteKind,
  Rechtskreis,
  ResidenceType,
} from '../case-domain';
import type { Office } from '../offices';
import type { ClientAccessView, ConsentView } from './access-types';

/** Output types of client-file and case methods (what the UI receives). Dates are ISO strings. */

export interface ResidenceStatusView {
  id: string;
  type: ResidenceType;
  legalBasis: string | null;
  validFrom: string | null;
  validUntil: string | null;
  createdAt: string;
}

/** The status in force today (or the latest one), with how many days it has left. */
export interface CurrentResidence {
  type: ResidenceType;
  legalBasis: string | null;
  validUntil: string | null;
  daysLeft: number | null;
  expiringSoon: boolean;
}

export interface ClientSummary {
  id: string;
  office: Office;
  familyName: string;
  givenNames: string;
  birthDate: string | null;
  birthDatePlaceholder: boolean;
  /** Absent when the caller may not see master data (category "master"). */
  nationalities?: string[];
  /** Absent when the caller may not see the residence category; null when no status is recorded. */
  currentResidence?: CurrentResidence | null;
  /** Who works the open case is absent for callers outside the keeping office. */
  openCase: { id: string; phase: CasePhase; caseManagerId?: string; caseManagerName?: string } | null;
  updatedAt: string;
}

export interface SearchHit extends ClientSummary {
  score: number;
  /** Which names matched, for highlighting: folded tokens. */
  matched: string[];
}

export interface HouseholdMemberView {
  id: string;
  name: string;
  relation: HouseholdRelation;
  birthYear: number | null;
}

export interface DocumentView {
  id: string;
  clientId: string;
  caseId: string | null;
  fileName: string;
  mimeType: string;
  category: DocumentCategory;
  size: number;
  sha256: string;
  createdAt: string;
}

export interface CaseSummary {
  id: string;
  office: Office;
  phase: CasePhase;
  /** Absent outside the keeping office. */
  caseManagerId?: string;
  caseManagerName?: string;
  openedOn: string;
  closedOn: string | null;
}

/**
 * The client screen. Names and birth date identify the person for everyone with access; every other field belongs
 * to a data category and is absent (not empty) when the caller may not see that category (see `access`).
 */
export interface ClientDetail extends ClientSummary {
  alternativeNames: string[];
  gender?: Gender;
  languages?: { code: string; interpreterNeeded: boolean }[];
  arrivalDate?: string | null;
  street?: string | null;
  postalCode?: string | null;
  city?: string | null;
  phone?: string | null;
  email?: string | null;
  version: number;
  createdAt: string;
  household?: HouseholdMemberView[];
  residenceHistory?: ResidenceStatusView[];
  /** Only documents of categories the caller may see. */
  documents: DocumentView[];
  cases: CaseSummary[];
  /** All consents for the owning office; for others only those in force that name them. */
  consents: ConsentView[];
  access: ClientAccessView;
}

export interface ClientPage {
  rows: ClientSummary[];
  /** How many clients match the filters: counted for the first page (offset 0) only, null for later pages. */
  total: number | null;
}

export interface PhaseEvent {
  phase: CasePhase;
  on: string;
  byName: string;
}

export interface MeasureView {
  id: string;
  title: string;
  owner: string;
  dueDate: string | null;
  status: MeasureStatus;
}

export interface GoalView {
  id: string;
  area: LifeArea;
  title: string;
  status: GoalStatus;
  outcomeNote: string | null;
  measures: MeasureView[];
}

export interface NoteView {
  id: string;
  occurredOn: string;
  kind: NoteKind;
  participants: string | null;
  text: string;
  internal: boolean;
  authorName: string;
  createdAt: string;
}

export interface FollowUpView {
  id: string;
  caseId: string;
  clientId: string;
  clientName: string;
  title: string;
  dueDate: string;
  assigneeId: string;
  assigneeName: string;
  doneAt: string | null;
}

export interface CaseDetail extends CaseSummary {
  clientId: string;
  clientName: string;
  version: number;
  /** Only those of categories the caller may see (contract/response-fields.ts). */
  rechtskreise: Rechtskreis[];
  /** Absent outside the keeping office. */
  phaseHistory?: PhaseEvent[];
  assessment: { area: LifeArea; need: NeedLevel; note: string | null }[];
  goals: GoalView[];
  /** Absent without the category "conversation-notes"; "intern" notes stay in the keeping office. */
  notes?: NoteView[];
  /** Absent outside the keeping office. */
  followUps?: FollowUpView[];
  documents: DocumentView[];
  /** Null while open; absent outside the keeping office. The summary needs "conversation-notes" as well. */
  closure?: { reason: ClosureReason; summary?: string | null } | null;
  /**
   * Every field belongs to a category or to the keeping office (contract/response-fields.ts): fields the caller
   * may not see are absent, list entries of such categories left out.
   */
  access: ClientAccessView;
}

export interface DocumentContent {
  id: string;
  clientId: string;
  category: DocumentCategory;
  fileName: string;
  mimeType: string;
  contentBase64: string;
  sha256: string;
}

export interface WorkOverview {
  followUps: { overdue: FollowUpView[]; today: FollowUpView[]; thisWeek: FollowUpView[] };
  /** Agreed actions of case conferences the user is responsible for, not done, due by the end of this week. */
  conferenceActions: { overdue: ConferenceActionDue[]; thisWeek: ConferenceActionDue[] };
  expiringResidence: (ClientSummary & { currentResidence: CurrentResidence })[];
  /** Referrals of the caller's cases whose feedback deadline has passed without an answer. */
  overdueReferrals: OverdueReferralView[];
  casesPerPhase: Record<CasePhase, number>;
}

export interface CaseManagerOption {
  id: string;
  displayName: string;
  office: Office;
}
