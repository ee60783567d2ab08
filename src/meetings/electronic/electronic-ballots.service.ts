import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../../audit/audit.service';
import { AppError, type ErrorDef } from '../../common/errors/app-error';
import { currentActor } from '../../common/http/request-context';
import { Db } from '../../database/db.service';
import {
  addFailure,
  ballotGuessLimit,
  checkChoices,
  countCastBallots,
  ELECTRONIC_PHASE_LABELS,
  everyCodeUsed,
  formatReceipt,
  GUESS_LIMITS,
  guessWait,
  normalizeVotingCode,
  RECEIPT_BYTES,
  type CastChoices,
  type Choice,
  type ElectronicPhase,
} from '../../domain/voting/electronic';
import { BallotsService } from '../ballots.service';
import type { BallotView, MeetingView } from '../meeting-view';
import { MeetingErrors } from '../meeting.errors';
import { MeetingsRepository } from '../meetings.repository';
import { MeetingsService } from '../meetings.service';
import type { ConfirmDto } from './dto/electronic.dto';
import { ElectronicRounds, hashVotingCode, SlipVault, type Slip } from './electronic-rounds';
import { ElectronicErrors } from './electronic.errors';
import { ElectronicRepository, type CastBallot, type ElectronicRow } from './electronic.repository';

/** Where a ballot's voting stands: what the projector and the console show (never partial results). */
export interface ElectronicStatus {
  ballotId: number;
  meetingId: number;
  phase: ElectronicPhase;
  phaseLabel: string;
  codesIssued: number;
  codesVoided: number;
  /** Codes handed out and not voided: one per delegate present. */
  voters: number;
  casts: number;
  wrongAttempts: number;
  closedAutomatically: boolean;
  confirmedBy: string | null;
  /** Slip numbers not used yet (only while voting, for finding a lost slip). */
  unusedSlipNos: number[];
}

/** A ballot as the delegate's phone, the projector and the slips name it. */
export interface BallotInfo {
  ballotId: number;
  meetingId: number;
  title: string;
  blocName: string;
  year: number;
  isRehearsal: boolean;
  ruleText: string | null;
  seats: number;
  nominees: string[];
  status: ElectronicStatus;
  /** The meeting view's ballot (its tally appears once the committee confirmed the counts). */
  ballot: BallotView;
}

/** What a delegate's phone shows after the code was accepted, and after the cast. */
export interface Receipt {
  ballotId: number;
  receipt: string;
  choices: CastChoices;
}

interface Attempt {
  ballotId: number;
  address: string;
  typed: string;
}

const shuffleId = () => randomBytes(16).toString('hex');

/**
 * Electronic secret ballot (issue 18): codes checked with guessing limits, one cast per code in one
 * transaction (code used + ballot stored + audit row "a ballot was cast"), closing (by the
 * secretary, or by itself when every code is used) with the rows written again in random order,
 * the counting committee's one confirmation, lost slips voided and replaced.
 */
@Injectable()
export class ElectronicBallotsService {
  constructor(
    private readonly db: Db,
    private readonly repo: ElectronicRepository,
    private readonly meetings: MeetingsRepository,
    private readonly ballots: BallotsService,
    private readonly views: MeetingsService,
    private readonly audit: AuditService,
    private readonly vault: SlipVault,
    private readonly rounds: ElectronicRounds,
  ) {}

  status(ballotId: number): Promise<ElectronicStatus> {
    return this.db.read((em) => this.statusIn(em, ballotId));
  }

  /**
   * Checks a typed code before the ballot is shown (a wrong code is counted and the guessing limits
   * apply); writes nothing but the count of wrong codes.
   */
  async checkCode(attempt: Attempt): Promise<void> {
    const failure = await this.db.write(async (em) => {
      const row = await this.electronicRow(em, attempt.ballotId);
      if (row.phase !== 'VOTING') return ElectronicErrors.NOT_OPEN;
      return this.verify(em, row, attempt);
    });
    if (failure) throw new AppError(failure);
  }

  /**
   * One cast: the choices are checked (an over-vote is refused with its reason, nothing written),
   * then in one transaction the cast is counted, the code marked used (only if still unused) and
   * the ballot stored under a random id with a random receipt and no time, no code, no voter.
   */
  async cast(attempt: Attempt, choices: readonly Choice[]): Promise<Receipt> {
    const result = await this.db.write<{ failure: ErrorDef } | { receipt: Receipt }>(async (em) => {
      const row = await this.electronicRow(em, attempt.ballotId);
      if (row.phase !== 'VOTING') return { failure: ElectronicErrors.NOT_OPEN };
      const failure = await this.verify(em, row, attempt);
      if (failure) return { failure };
      const ballot = (await this.meetings.findBallot(em, attempt.ballotId))!;
      const nominees = ballot.nomineeIds;
      const checked = checkChoices(nominees.length, ballot.seats, choices);
      if (!checked.ok)
        throw new AppError(ElectronicErrors.CHOICE_INVALID, {
          message: checked.error.message,
          details: [{ field: 'choices', code: checked.error.code, message: checked.error.message }],
        });
      const counted = await this.repo.countCast(em, attempt.ballotId);
      if (!counted) throw new AppError(ElectronicErrors.NOT_OPEN);
      const hash = hashVotingCode(normalizeVotingCode(attempt.typed)!);
      if (!(await this.repo.useCode(em, attempt.ballotId, hash)))
        throw new AppError(ElectronicErrors.CODE_USED);
      const receipt = formatReceipt(randomBytes(RECEIPT_BYTES));
      await this.repo.insertCast(em, attempt.ballotId, shuffleId(), receipt, checked.value);
      await this.audit.record(em, {
        action: 'ballot.electronic.cast',
        entityType: 'ballot',
        entityId: attempt.ballotId,
        // the delegate is anonymous: the row is the organization's whose bloc holds the ballot
        organizationId: await this.repo.organizationOfBallot(em, attempt.ballotId),
      });
      if (
        everyCodeUsed({
          issued: counted.codesIssued,
          voided: counted.codesVoided,
          used: counted.casts,
        })
      )
        await this.closeIn(em, attempt.ballotId, true);
      return { receipt: { ballotId: attempt.ballotId, receipt, choices: checked.value } };
    });
    if ('failure' in result) throw new AppError(result.failure);
    return result.receipt;
  }

  /** The secretary closes voting: no more casts; the counts wait for the committee's confirmation. */
  close(ballotId: number): Promise<ElectronicStatus> {
    return this.db.write(async (em) => {
      await this.requireWritable(em, ballotId);
      await this.closeIn(em, ballotId, false);
      return this.statusIn(em, ballotId);
    });
  }

  /** The counting committee confirms the counts computed from the cast ballots; the tally follows. */
  confirm(ballotId: number, dto: ConfirmDto): Promise<MeetingView> {
    return this.db.write(async (em) => {
      const meetingId = await this.requireWritable(em, ballotId);
      const row = await this.electronicRow(em, ballotId);
      if (row.phase !== 'CLOSED') throw new AppError(ElectronicErrors.BAD_PHASE);
      const ballot = (await this.meetings.findBallot(em, ballotId))!;
      const nominees = ballot.nomineeIds;
      const counts = countCastBallots({
        membersEntitled: ballot.voters?.membersEntitled ?? 0,
        ballotsIssued: row.codesIssued - row.codesVoided,
        seats: ballot.seats,
        nomineeIds: nominees.map(String),
        ballots: (await this.repo.casts(em, ballotId)).map((c) => c.choices),
      });
      const confirmedBy = currentActor().username;
      if (!(await this.repo.movePhase(em, ballotId, 'CLOSED', 'CONFIRMED', { confirmedBy })))
        throw new AppError(ElectronicErrors.BAD_PHASE);
      await this.ballots.acceptComputedCounts(em, ballotId, {
        counts: {
          ballotsIssued: counts.ballotsIssued,
          ballotsReturned: counts.ballotsReturned,
          valid: counts.valid,
          invalid: counts.invalid,
          nominees: counts.nominees.map((n) => ({
            unitId: Number(n.nomineeId),
            agree: n.agree,
            disagree: n.disagree,
            noOpinion: n.noOpinion,
          })),
          ...(dto.written ? { written: dto.written } : {}),
        },
        ...(dto.acknowledgements ? { acknowledgements: dto.acknowledgements } : {}),
      });
      return this.views.recorded(em, meetingId, 'ballot.electronic.confirm');
    });
  }

  /**
   * A lost slip: the secretary voids its code by the slip's number (found as the unused number
   * nobody in the room holds) and one new code is issued in its place; both are in the minutes.
   */
  voidSlip(ballotId: number, slipNo: number): Promise<ElectronicStatus & { replacement: number }> {
    return this.db.write(async (em) => {
      await this.requireWritable(em, ballotId);
      const row = await this.electronicRow(em, ballotId);
      if (row.phase !== 'VOTING') throw new AppError(ElectronicErrors.BAD_PHASE);
      if (!(await this.repo.voidSlip(em, ballotId, slipNo)))
        throw new AppError(
          (await this.repo.slipExists(em, ballotId, slipNo))
            ? ElectronicErrors.SLIP_NOT_UNUSED
            : ElectronicErrors.SLIP_NOT_FOUND,
        );
      const [replacement] = await this.rounds.issue(em, ballotId, 1);
      await this.audit.record(em, {
        action: 'ballot.electronic.void',
        entityType: 'ballot',
        entityId: ballotId,
        after: { voidedSlipNo: slipNo, replacementSlipNo: replacement!.slipNo },
      });
      return { ...(await this.statusIn(em, ballotId)), replacement: replacement!.slipNo };
    });
  }

  /** The unused codes in clear, for printing the slips, while this process still keeps them. */
  slips(ballotId: number): Promise<{ slips: Slip[]; isRehearsal: boolean; title: string }> {
    return this.db.read(async (em) => {
      const row = await this.electronicRow(em, ballotId);
      if (row.phase !== 'VOTING') throw new AppError(ElectronicErrors.SLIPS_GONE);
      const unused = new Set(await this.repo.unusedHashes(em, ballotId));
      const slips = this.vault.unused(ballotId, unused);
      if (slips.length === 0) throw new AppError(ElectronicErrors.SLIPS_GONE);
      const ballot = (await this.meetings.findBallot(em, ballotId))!;
      const meeting = (await this.meetings.findById(em, ballot.meetingId))!;
      return { slips, isRehearsal: meeting.isRehearsal, title: '' };
    });
  }

  /** After the close: every receipt with its ballot's choices (receipt order), for anyone to check. */
  board(ballotId: number): Promise<CastBallot[]> {
    return this.db.read(async (em) => {
      const row = await this.electronicRow(em, ballotId);
      if (row.phase !== 'CLOSED' && row.phase !== 'CONFIRMED')
        throw new AppError(ElectronicErrors.BAD_PHASE, {
          message: 'Danh sách biên nhận chỉ công bố sau khi kết thúc bỏ phiếu.',
        });
      return (await this.repo.casts(em, ballotId)).sort((a, b) => (a.receipt < b.receipt ? -1 : 1));
    });
  }

  /**
   * What a delegate's phone and the projector show of a ballot: its title, rule in words, nominees
   * and seats, the bloc and whether it is a rehearsal; never a count before the close.
   */
  async ballotInfo(ballotId: number): Promise<BallotInfo> {
    const { meetingId, status } = await this.db.read(async (em) => {
      const found = await this.statusIn(em, ballotId);
      return { meetingId: found.meetingId, status: found };
    });
    const view = await this.views.get(meetingId);
    const b = view.ballots.find((x) => x.id === ballotId)!;
    return {
      ballotId,
      meetingId,
      title: `${b.tierName}${b.roundNo > 1 ? ` (vòng ${b.roundNo})` : ''}`,
      blocName: view.blocName,
      year: view.year,
      isRehearsal: view.isRehearsal,
      ruleText: b.ruleText,
      seats: b.seats,
      nominees: b.nominees.map((n) => n.fullName),
      status,
      ballot: b,
    };
  }

  // ——— internals ———

  private async electronicRow(em: EntityManager, ballotId: number): Promise<ElectronicRow> {
    const row = await this.repo.find(em, ballotId);
    if (!row) {
      if (await this.meetings.findBallot(em, ballotId))
        throw new AppError(ElectronicErrors.NOT_ELECTRONIC);
      throw new AppError(MeetingErrors.BALLOT_NOT_FOUND);
    }
    return row;
  }

  /** The meeting of a ballot that may still be changed (not locked). */
  private async requireWritable(em: EntityManager, ballotId: number): Promise<number> {
    const ballot = await this.meetings.findBallot(em, ballotId);
    if (!ballot) throw new AppError(MeetingErrors.BALLOT_NOT_FOUND);
    const meeting = (await this.meetings.findById(em, ballot.meetingId))!;
    if (meeting.status === 'FINALIZED' || meeting.status === 'CORRECTED')
      throw new AppError(MeetingErrors.LOCKED);
    return meeting.id;
  }

  /**
   * The guessing limits, then the code itself. A wrong code is counted (per address and per ballot)
   * and answered as a failure value, so that the count commits; a used or voided code is not a guess.
   */
  private async verify(
    em: EntityManager,
    row: ElectronicRow,
    a: Attempt,
  ): Promise<ErrorDef | null> {
    const now = Date.now();
    const byAddress = await this.repo.addressWindow(em, a.ballotId, a.address);
    const byBallot = {
      windowStart: row.guessWindowStart === null ? null : Number(row.guessWindowStart),
      failures: row.guessWindowFailures,
    };
    const wait = Math.max(
      guessWait(byAddress, GUESS_LIMITS.perAddress, now),
      guessWait(byBallot, ballotGuessLimit(row.codesIssued), now),
    );
    if (wait > 0)
      throw new AppError(ElectronicErrors.TOO_MANY_ATTEMPTS, {
        extra: { retryAfterSeconds: wait },
      });
    const canonical = normalizeVotingCode(a.typed);
    const status = canonical
      ? await this.repo.codeStatus(em, a.ballotId, hashVotingCode(canonical))
      : null;
    if (status === 'USED') return ElectronicErrors.CODE_USED;
    if (status === 'VOIDED') return ElectronicErrors.CODE_VOIDED;
    if (status === 'ISSUED') return null;
    await this.repo.saveAddressWindow(
      em,
      a.ballotId,
      a.address,
      addFailure(byAddress, now) as {
        windowStart: number;
        failures: number;
      },
    );
    await this.repo.recordWrongCode(em, a.ballotId, addFailure(byBallot, now));
    return ElectronicErrors.CODE_INVALID;
  }

  /**
   * VOTING → CLOSED, then the cast rows written again under new random ids in id order (a mix):
   * their ids, storage order and PostgreSQL row versions no longer follow the order of casting.
   */
  private async closeIn(em: EntityManager, ballotId: number, automatic: boolean): Promise<void> {
    if (
      !(await this.repo.movePhase(em, ballotId, 'VOTING', 'CLOSED', {
        closedAutomatically: automatic,
      }))
    )
      throw new AppError(ElectronicErrors.BAD_PHASE);
    const casts = await this.repo.casts(em, ballotId);
    await this.repo.rewriteCasts(
      em,
      ballotId,
      casts.map((c) => ({ ...c, id: shuffleId() })),
    );
    await this.audit.record(em, {
      action: 'ballot.electronic.close',
      entityType: 'ballot',
      entityId: ballotId,
      after: { casts: casts.length, automatic },
    });
    this.vault.forget(ballotId);
  }

  private async statusIn(em: EntityManager, ballotId: number): Promise<ElectronicStatus> {
    const row = await this.electronicRow(em, ballotId);
    const ballot = (await this.meetings.findBallot(em, ballotId))!;
    return {
      ballotId,
      meetingId: ballot.meetingId,
      phase: row.phase,
      phaseLabel: ELECTRONIC_PHASE_LABELS[row.phase],
      codesIssued: row.codesIssued,
      codesVoided: row.codesVoided,
      voters: row.codesIssued - row.codesVoided,
      casts: row.casts,
      wrongAttempts: row.wrongAttempts,
      closedAutomatically: row.closedAutomatically,
      confirmedBy: row.confirmedBy,
      unusedSlipNos: row.phase === 'VOTING' ? await this.repo.unusedSlipNos(em, ballotId) : [],
    };
  }
}
