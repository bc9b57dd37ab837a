import { AuditEntryEntity } from '../../platform/audit/audit-entity';
import {
  AssessmentEntity,
  CasePhaseEventEntity,
  FollowUpEntity,
  GoalEntity,
  KimCaseEntity,
  MeasureEntity,
  NoteEntity,
} from '../../domain/cases/case-entities';
import { ClientEntity, ClientNameKeyEntity, HouseholdMemberEntity, ResidenceStatusEntity } from '../../domain/clients/client-entities';
import { ConsentEntity, ConsentGrantEntity } from '../../domain/consent/consent-entities';
import { DocumentEntity } from '../../domain/documents/document-entity';
import { DraftEntity } from '../../domain/drafts/draft-entity';
import { SettingEntity } from '../../platform/settings/setting-entity';
import { ChangeEntryEntity } from '../../platform/sync/change-entity';
import { AccountEntity } from '../../domain/users/account-entity';
import { AccountRequestEntity } from '../../domain/users/account-request-entity';
import {
  CaseConferenceEntity,
  ConferenceActionEntity,
  ConferenceParticipantEntity,
  ConferenceSituationEntity,
} from '../../domain/conferences/conference-entities';
import { PartnerContactEntity, PartnerEntity, PartnerProposalEntity } from '../../domain/partners/partner-entities';
import { StructuralFindingEntity } from '../../domain/findings/finding-entities';
import { ReferralEntity, ReferralEventEntity } from '../../domain/referrals/referral-entities';

/** Every entity of the vault; EntitySchema keeps metadata intact through bundling (no decorators needed). */
export const VAULT_ENTITIES = [
  AccountEntity,
  AccountRequestEntity,
  SettingEntity,
  AuditEntryEntity,
  ChangeEntryEntity,
  DraftEntity,
  ClientEntity,
  ClientNameKeyEntity,
  HouseholdMemberEntity,
  ResidenceStatusEntity,
  KimCaseEntity,
  CasePhaseEventEntity,
  AssessmentEntity,
  GoalEntity,
  MeasureEntity,
  NoteEntity,
  FollowUpEntity,
  DocumentEntity,
  ConsentEntity,
  ConsentGrantEntity,
  PartnerEntity,
  PartnerContactEntity,
  PartnerProposalEntity,
  StructuralFindingEntity,
  ReferralEntity,
  ReferralEventEntity,
  CaseConferenceEntity,
  ConferenceParticipantEntity,
  ConferenceSituationEntity,
  ConferenceActionEntity,
];
