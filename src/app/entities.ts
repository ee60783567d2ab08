import { AwardTierEntity } from '../award-tiers/award-tier.entity';
import { TierRuleEntity } from '../award-tiers/tier-rule.entity';
import { TierVotingRuleEntity } from '../award-tiers/tier-voting-rule.entity';
import { BlocMemberEntity } from '../registry/blocs/bloc-member.entity';
import { BlocTermEntity } from '../registry/blocs/bloc-term.entity';
import { BlocEntity } from '../registry/blocs/bloc.entity';
import { OrganizingBodyEntity } from '../registry/organizing-bodies/organizing-body.entity';
import { DecidingAuthorityEntity } from '../award-tiers/deciding-authority.entity';
import { CriteriaItemEntity } from '../criteria/criteria-item.entity';
import { CriteriaSetEntity } from '../criteria/criteria-set.entity';
import { ScoreEntryEntity } from '../scoring/score-entry.entity';
import { ScoreEvidenceEntity } from '../scoring/score-evidence.entity';
import { ScoringPhaseTransitionEntity } from '../scoring/scoring-phase-transition.entity';
import { AwardHistoryEntity } from '../awards/award-history.entity';
import {
  NominationAcknowledgementEntity,
  NominationReportEntity,
  NominationTransitionEntity,
} from '../nominations/nomination-history.entity';
import { NominationEntity } from '../nominations/nomination.entity';
import {
  BallotEntity,
  BallotEntryEntity,
  MeetingAttendanceEntity,
} from '../meetings/meeting-parts.entity';
import { MeetingCorrectionRequestEntity } from '../meetings/correction-request.entity';
import { MeetingEntity } from '../meetings/meeting.entity';
import {
  BallotTransitionEntity,
  MeetingTransitionEntity,
} from '../meetings/meeting-transition.entity';
import {
  CastBallotEntity,
  ElectronicBallotEntity,
  VotingCodeAttemptEntity,
  VotingCodeEntity,
} from '../meetings/electronic/electronic.entity';
import { AuditCheckpointEntity } from '../audit/audit-checkpoint.entity';
import { AuditLogEntity } from '../audit/audit-log.entity';
import { LoginAccountLimitEntity, LoginAddressLockEntity } from '../auth/login-throttle.entity';
import { SessionEntity, UserBlocScopeEntity, UserEntity } from '../auth/user.entity';
import { DocumentSignatureEntity } from '../documents/document-signature.entity';
import { DocumentSeriesEntity, GeneratedDocumentEntity } from '../documents/document.entity';
import {
  SigningProfileEntity,
  SigningProfileSignerEntity,
} from '../signing/signing-profile.entity';
import { ProvinceEntity } from '../registry/provinces/province.entity';
import { ReadGenerationEntity } from '../database/read-generation.entity';
import { ReadScopeEntity } from '../database/read-scope.entity';
import { SessionGenerationEntity } from '../database/session-generation.entity';
import { UnitLineageEntity } from '../registry/units/unit-lineage.entity';
import { UnitEntity } from '../registry/units/unit.entity';
import { ClassificationSchemeEntity } from '../scoring/classification/classification-scheme.entity';
import { UnitClassificationEntity } from '../scoring/classification/unit-classification.entity';

/** Every entity of the schema; the migrations must produce exactly these tables (drift test). */
export const ENTITIES = [
  ProvinceEntity,
  UnitEntity,
  UnitLineageEntity,
  BlocEntity,
  OrganizingBodyEntity,
  DecidingAuthorityEntity,
  BlocTermEntity,
  BlocMemberEntity,
  AwardTierEntity,
  TierRuleEntity,
  TierVotingRuleEntity,
  CriteriaSetEntity,
  CriteriaItemEntity,
  ScoreEntryEntity,
  ScoreEvidenceEntity,
  ScoringPhaseTransitionEntity,
  NominationEntity,
  NominationTransitionEntity,
  NominationAcknowledgementEntity,
  NominationReportEntity,
  AwardHistoryEntity,
  MeetingEntity,
  MeetingAttendanceEntity,
  BallotEntity,
  BallotEntryEntity,
  MeetingCorrectionRequestEntity,
  MeetingTransitionEntity,
  BallotTransitionEntity,
  ElectronicBallotEntity,
  VotingCodeEntity,
  CastBallotEntity,
  VotingCodeAttemptEntity,
  UserEntity,
  UserBlocScopeEntity,
  SessionEntity,
  LoginAddressLockEntity,
  LoginAccountLimitEntity,
  AuditLogEntity,
  AuditCheckpointEntity,
  DocumentSeriesEntity,
  GeneratedDocumentEntity,
  DocumentSignatureEntity,
  SigningProfileEntity,
  SigningProfileSignerEntity,
  ReadGenerationEntity,
  ReadScopeEntity,
  SessionGenerationEntity,
  ClassificationSchemeEntity,
  UnitClassificationEntity,
];
