import {
  Check,
  Column,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';
import { sqlIn } from '../database/columns';
import type { Comparator } from '../domain/common/fraction';
import {
  COMPARATORS,
  SELF_VOTE_POLICIES,
  TIE_BREAKS,
  VOTE_DENOMINATORS,
  VOTING_BODIES,
  type SelfVotePolicy,
  type TieBreak,
  type VoteDenominator,
  type VotingBody,
} from '../domain/registry/tiers';
import { TierRuleEntity } from './tier-rule.entity';

/** How one body (the bloc meeting or the provincial council) votes on a tier (R8–R10). */
@Entity('tier_voting_rule')
@Unique('UQ_tier_voting_rule_body', ['tierRuleId', 'body'])
@Check('CHK_tvr_body', sqlIn('body', VOTING_BODIES))
@Check('CHK_tvr_denominator', sqlIn('denominator', VOTE_DENOMINATORS))
@Check('CHK_tvr_threshold_cmp', sqlIn('threshold_comparator', COMPARATORS))
@Check('CHK_tvr_quorum_cmp', sqlIn('quorum_comparator', COMPARATORS))
@Check('CHK_tvr_self_vote', sqlIn('self_vote', SELF_VOTE_POLICIES))
@Check('CHK_tvr_tie_break', sqlIn('tie_break', TIE_BREAKS))
@Check(
  'CHK_tvr_threshold',
  '"threshold_den" > 0 AND "threshold_num" >= 0 AND "threshold_num" <= "threshold_den"',
)
@Check('CHK_tvr_quorum', '"quorum_den" > 0 AND "quorum_num" >= 0 AND "quorum_num" <= "quorum_den"')
@Check(
  'CHK_tvr_invalid_share',
  '"invalid_share_den" > 0 AND "invalid_share_num" >= 0 AND "invalid_share_num" <= "invalid_share_den"',
)
export class TierVotingRuleEntity {
  @PrimaryGeneratedColumn() id!: number;

  @Column({ type: 'integer' }) tierRuleId!: number;

  @ManyToOne(() => TierRuleEntity, (r) => r.votingRules, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'tier_rule_id' })
  tierRule?: TierRuleEntity;

  @Column({ type: 'varchar', length: 32 }) body!: VotingBody;

  @Column({ type: 'integer' }) thresholdNum!: number;
  @Column({ type: 'integer' }) thresholdDen!: number;
  @Column({ type: 'varchar', length: 8 }) thresholdComparator!: Comparator;

  @Column({ type: 'varchar', length: 32 }) denominator!: VoteDenominator;

  @Column({ type: 'integer' }) quorumNum!: number;
  @Column({ type: 'integer' }) quorumDen!: number;
  @Column({ type: 'varchar', length: 8 }) quorumComparator!: Comparator;

  @Column({ type: 'boolean', default: false }) allowWrittenAbsentee!: boolean;

  @Column({ type: 'varchar', length: 32 }) selfVote!: SelfVotePolicy;

  @Column({ type: 'varchar', length: 32 }) tieBreak!: TieBreak;

  @Column({ type: 'boolean', default: true }) secretBallot!: boolean;

  /** A ballot warns when invalid / returned is above this share (R8; no legal figure found, §2.3). */
  @Column({ type: 'integer', default: 1 }) invalidShareNum!: number;
  @Column({ type: 'integer', default: 10 }) invalidShareDen!: number;
  /** Where the share comes from (a regulation, or "mặc định của phần mềm"). */
  @Column({ type: 'varchar', length: 500, default: '' }) invalidShareBasis!: string;
}
