import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  OneToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  Unique,
  VersionColumn,
} from 'typeorm';
import { sqlIn } from '../../database/columns';
import { ELECTRONIC_PHASES, type ElectronicPhase } from '../../domain/voting/electronic';
import { BallotEntity } from '../meeting-parts.entity';

/**
 * A ballot held electronically (issue 18): its phase and the counters the minutes print. A paper
 * ballot has no row here.
 */
@Entity('electronic_ballot')
@Check('CHK_electronic_ballot_phase', sqlIn('phase', ELECTRONIC_PHASES))
@Check(
  'CHK_electronic_ballot_counts',
  '"codes_issued" >= 0 AND "codes_voided" >= 0 AND "casts" >= 0 AND "casts" <= "codes_issued" - "codes_voided" AND "wrong_attempts" >= 0',
)
export class ElectronicBallotEntity {
  @PrimaryColumn({ type: 'integer' }) ballotId!: number;
  @OneToOne(() => BallotEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'ballot_id' })
  ballot?: BallotEntity;

  @Column({ type: 'varchar', length: 16 }) phase!: ElectronicPhase;
  @Column({ type: 'integer', default: 0 }) codesIssued!: number;
  @Column({ type: 'integer', default: 0 }) codesVoided!: number;
  /** Ballots cast so far (the projector's turnout); the ballots themselves are in `cast_ballot`. */
  @Column({ type: 'integer', default: 0 }) casts!: number;
  /** Wrong codes typed on this ballot (printed in the minutes). */
  @Column({ type: 'integer', default: 0 }) wrongAttempts!: number;
  /** Per-ballot guessing window: its start (ms since epoch, as text) and wrong codes in it. */
  @Column({ type: 'varchar', length: 20, nullable: true }) guessWindowStart!: string | null;
  @Column({ type: 'integer', default: 0 }) guessWindowFailures!: number;
  /** Closed because every usable code was used (otherwise by the secretary). */
  @Column({ type: 'boolean', default: false }) closedAutomatically!: boolean;
  /** Who confirmed the computed counts for the counting committee. */
  @Column({ type: 'varchar', length: 200, nullable: true }) confirmedBy!: string | null;

  @VersionColumn() version!: number;
}

export const CODE_STATUSES = ['ISSUED', 'USED', 'VOIDED'] as const;
export type CodeStatus = (typeof CODE_STATUSES)[number];

/**
 * One voting code, as its SHA-256 only. No time, no link to a cast ballot: a used code says that
 * some ballot was cast with it, not which.
 */
@Entity('voting_code')
@Unique('UQ_voting_code_hash', ['codeHash'])
@Unique('UQ_voting_code_slip', ['ballotId', 'slipNo'])
@Check('CHK_voting_code_status', sqlIn('status', CODE_STATUSES))
export class VotingCodeEntity {
  @PrimaryGeneratedColumn() id!: number;

  @Column({ type: 'integer' }) ballotId!: number;
  @ManyToOne(() => BallotEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'ballot_id' })
  ballot?: BallotEntity;

  /** The number printed on the slip (how the secretary names a lost slip to void it). */
  @Column({ type: 'integer' }) slipNo!: number;
  @Column({ type: 'varchar', length: 64 }) codeHash!: string;
  @Column({ type: 'varchar', length: 16 }) status!: CodeStatus;
}

/**
 * One cast ballot: its choices and receipt, nothing else. The id is random and, on SQLite, the
 * table is WITHOUT ROWID (rows stored in id order); at the close the rows are written again in
 * that order, so neither ids nor storage follow the order of casting.
 */
@Entity('cast_ballot', { withoutRowid: true })
@Unique('UQ_cast_ballot_receipt', ['ballotId', 'receipt'])
@Index('IDX_cast_ballot_ballot', ['ballotId'])
export class CastBallotEntity {
  @PrimaryColumn({ type: 'varchar', length: 32 }) id!: string;

  @Column({ type: 'integer' }) ballotId!: number;
  @ManyToOne(() => BallotEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'ballot_id' })
  ballot?: BallotEntity;

  @Column({ type: 'varchar', length: 16 }) receipt!: string;
  /** JSON `Choice[]` in the order of the ballot's nominees. */
  @Column({ type: 'text' }) choices!: string;
}

/** Wrong voting codes from one address on one ballot, in the current window (guessing limit). */
@Entity('voting_code_attempt')
@Unique('UQ_voting_code_attempt', ['ballotId', 'address'])
export class VotingCodeAttemptEntity {
  @PrimaryGeneratedColumn() id!: number;

  @Column({ type: 'integer' }) ballotId!: number;
  @ManyToOne(() => BallotEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'ballot_id' })
  ballot?: BallotEntity;

  @Column({ type: 'varchar', length: 64 }) address!: string;
  @Column({ type: 'varchar', length: 20 }) windowStart!: string;
  @Column({ type: 'integer' }) failures!: number;
}
