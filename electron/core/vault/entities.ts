import { AuditEntryEntity } from '../audit/audit-entity';
import {
  AssessmentEntity,
  CasePhaseEventEntity,
  FollowUpEntity,
  GoalEntity,
  KimCaseEntity,
  MeasureEntity,
  NoteEntity,
} from '../cases/case-entities';
import { ClientEntity, ClientNameKeyEntity, HouseholdMemberEntity, ResidenceStatusEntity } from '../clients/client-entities';
import { ConsentEntity, ConsentGrantEntity } from '../consent/consent-entities';
import { DocumentEntity } from '../documents/document-entity';
import { DraftEntity } from '../drafts/draft-entity';
import { SettingEntity } from '../settings/setting-entity';
import { ChangeEntryEntity } from '../sync/change-entity';
import { AccountEntity } from '../users/account-entity';

/** Every entity of the vault; EntitySchema keeps metadata intact through bundling (no decorators needed). */
export const ENTITIES = [
  AccountEntity,
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
];
