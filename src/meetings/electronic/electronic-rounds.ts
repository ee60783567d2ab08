import { createHash, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AppError } from '../../common/errors/app-error';
import {
  formatVotingCode,
  normalizeVotingCode,
  VOTING_CODE_BYTES,
  type BallotMode,
} from '../../domain/voting/electronic';
import { ElectronicErrors } from './electronic.errors';
import { ElectronicRepository } from './electronic.repository';

/** The SHA-256 of a code's canonical form: the only thing of a code the database keeps. */
export function hashVotingCode(canonical: string): string {
  return createHash('sha256').update(`thidua-voting-code:${canonical}`).digest('hex');
}

/** A code to print on a slip (never stored in clear). */
export interface Slip {
  slipNo: number;
  code: string;
  codeHash: string;
}

/**
 * The printed codes, in this process's memory only, until voting closes: the database has their
 * hashes, so once printed (or after a restart) they cannot be shown again. Only codes still unused
 * in the database are handed out, so codes of a rolled-back opening never print.
 */
@Injectable()
export class SlipVault {
  private readonly slips = new Map<number, Slip[]>();

  add(ballotId: number, slips: readonly Slip[]): void {
    this.slips.set(ballotId, [...(this.slips.get(ballotId) ?? []), ...slips]);
  }

  /** The kept slips whose hash is among `unusedHashes`, by slip number. */
  unused(ballotId: number, unusedHashes: ReadonlySet<string>): Slip[] {
    return (this.slips.get(ballotId) ?? [])
      .filter((s) => unusedHashes.has(s.codeHash))
      .sort((a, b) => a.slipNo - b.slipNo);
  }

  forget(ballotId: number): void {
    this.slips.delete(ballotId);
  }
}

/**
 * What the paper ballot's flow asks of electronic ballots, in its own transactions: registering the
 * mode at creation, issuing codes at opening and for a revote's round, refusing typed counts.
 */
@Injectable()
export class ElectronicRounds {
  constructor(
    private readonly repo: ElectronicRepository,
    private readonly vault: SlipVault,
  ) {}

  async register(
    em: EntityManager,
    ballotId: number,
    mode: BallotMode,
    method: string,
  ): Promise<void> {
    if (mode !== 'ELECTRONIC') return;
    if (method !== 'SECRET') throw new AppError(ElectronicErrors.NEEDS_SECRET);
    await this.repo.insert(em, ballotId);
  }

  async isElectronic(em: EntityManager, ballotId: number): Promise<boolean> {
    return (await this.repo.find(em, ballotId)) !== null;
  }

  /** Counts are computed from an electronic ballot's cast ballots, never typed. */
  async requirePaper(em: EntityManager, ballotId: number): Promise<void> {
    if (await this.isElectronic(em, ballotId)) throw new AppError(ElectronicErrors.IS_ELECTRONIC);
  }

  /** Opening: exactly one code per voter present; voting starts (READY → VOTING). */
  async onOpen(em: EntityManager, ballotId: number, present: number): Promise<void> {
    if (!(await this.isElectronic(em, ballotId))) return;
    await this.issue(em, ballotId, present);
    if (!(await this.repo.movePhase(em, ballotId, 'READY', 'VOTING')))
      throw new AppError(ElectronicErrors.BAD_PHASE);
  }

  /** A revote of an electronic ballot is a new electronic round with new codes. */
  async onRevote(
    em: EntityManager,
    fromBallotId: number,
    newBallotId: number,
    present: number,
  ): Promise<void> {
    if (!(await this.isElectronic(em, fromBallotId))) return;
    await this.repo.insert(em, newBallotId);
    await this.onOpen(em, newBallotId, present);
  }

  /** New codes for the ballot (numbered after its last slip), kept in clear only for printing. */
  async issue(em: EntityManager, ballotId: number, count: number): Promise<Slip[]> {
    const first = (await this.repo.lastSlipNo(em, ballotId)) + 1;
    const slips: Slip[] = Array.from({ length: count }, (_, i) => {
      const code = formatVotingCode(randomBytes(VOTING_CODE_BYTES));
      return { slipNo: first + i, code, codeHash: hashVotingCode(normalizeVotingCode(code)!) };
    });
    await this.repo.issueCodes(
      em,
      ballotId,
      slips.map((s) => ({ slipNo: s.slipNo, codeHash: s.codeHash })),
    );
    this.vault.add(ballotId, slips);
    return slips;
  }
}
