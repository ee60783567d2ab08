import { Injectable } from '@nestjs/common';
import { In, type EntityManager } from 'typeorm';
import { CHOICES, type CastChoices, type ElectronicPhase } from '../../domain/voting/electronic';
import {
  CastBallotEntity,
  ElectronicBallotEntity,
  VotingCodeAttemptEntity,
  VotingCodeEntity,
  type CodeStatus,
} from './electronic.entity';

/** An electronic ballot's row as the service uses it. */
export type ElectronicRow = ElectronicBallotEntity;

/** A cast ballot, decoded: receipt and choices (no id: it means nothing outside the table). */
export interface CastBallot {
  receipt: string;
  choices: CastChoices;
}

function decodeChoices(json: string): CastChoices {
  const v = JSON.parse(json) as unknown;
  if (!Array.isArray(v) || v.some((c) => !CHOICES.includes(c as never)))
    throw new Error('cast_ballot.choices is not a list of choices');
  return v as CastChoices;
}

/** The only database code of electronic ballots (codes as hashes, cast ballots, guessing counts). */
@Injectable()
export class ElectronicRepository {
  find(em: EntityManager, ballotId: number): Promise<ElectronicRow | null> {
    return em.getRepository(ElectronicBallotEntity).findOneBy({ ballotId });
  }

  async ofBallots(
    em: EntityManager,
    ballotIds: readonly number[],
  ): Promise<Map<number, ElectronicRow>> {
    if (ballotIds.length === 0) return new Map();
    const rows = await em
      .getRepository(ElectronicBallotEntity)
      .findBy({ ballotId: In([...ballotIds]) });
    return new Map(rows.map((r) => [r.ballotId, r]));
  }

  async insert(em: EntityManager, ballotId: number): Promise<void> {
    await em.getRepository(ElectronicBallotEntity).insert({
      ballotId,
      phase: 'READY',
      codesIssued: 0,
      codesVoided: 0,
      casts: 0,
      wrongAttempts: 0,
      guessWindowStart: null,
      guessWindowFailures: 0,
      closedAutomatically: false,
      confirmedBy: null,
      version: 1,
    });
  }

  /** Moves the phase when it is still `from`; false when someone else moved it first. */
  async movePhase(
    em: EntityManager,
    ballotId: number,
    from: ElectronicPhase,
    to: ElectronicPhase,
    values: Partial<Pick<ElectronicRow, 'closedAutomatically' | 'confirmedBy'>> = {},
  ): Promise<boolean> {
    const r = await em
      .createQueryBuilder()
      .update(ElectronicBallotEntity)
      .set({ ...values, phase: to, version: () => 'version + 1' })
      .where('ballot_id = :ballotId AND phase = :from', { ballotId, from })
      .execute();
    return (r.affected ?? 0) === 1;
  }

  /** Stores new codes (hashes) with their slip numbers and counts them as issued. */
  async issueCodes(
    em: EntityManager,
    ballotId: number,
    codes: readonly { slipNo: number; codeHash: string }[],
  ): Promise<void> {
    if (codes.length === 0) return;
    await em
      .getRepository(VotingCodeEntity)
      .insert(codes.map((c) => ({ ...c, ballotId, status: 'ISSUED' as const })));
    await em
      .createQueryBuilder()
      .update(ElectronicBallotEntity)
      .set({ codesIssued: () => `codes_issued + ${codes.length}`, version: () => 'version + 1' })
      .where('ballot_id = :ballotId', { ballotId })
      .execute();
  }

  async lastSlipNo(em: EntityManager, ballotId: number): Promise<number> {
    const r = await em
      .getRepository(VotingCodeEntity)
      .createQueryBuilder('c')
      .select('MAX(c.slip_no)', 'max')
      .where('c.ballot_id = :ballotId', { ballotId })
      .getRawOne<{ max: number | string | null }>();
    return Number(r?.max ?? 0);
  }

  /** The slip numbers of the codes not used yet (what the secretary checks against slips in hand). */
  async unusedSlipNos(em: EntityManager, ballotId: number): Promise<number[]> {
    const rows = await em.getRepository(VotingCodeEntity).find({
      select: { slipNo: true },
      where: { ballotId, status: 'ISSUED' },
      order: { slipNo: 'ASC' },
    });
    return rows.map((r) => r.slipNo);
  }

  async unusedHashes(em: EntityManager, ballotId: number): Promise<string[]> {
    const rows = await em.getRepository(VotingCodeEntity).find({
      select: { codeHash: true },
      where: { ballotId, status: 'ISSUED' },
    });
    return rows.map((r) => r.codeHash);
  }

  /** Voids an unused code by its slip number; false when there is no such unused slip. */
  async voidSlip(em: EntityManager, ballotId: number, slipNo: number): Promise<boolean> {
    const r = await em
      .createQueryBuilder()
      .update(VotingCodeEntity)
      .set({ status: 'VOIDED' })
      .where("ballot_id = :ballotId AND slip_no = :slipNo AND status = 'ISSUED'", {
        ballotId,
        slipNo,
      })
      .execute();
    if ((r.affected ?? 0) !== 1) return false;
    await em
      .createQueryBuilder()
      .update(ElectronicBallotEntity)
      .set({ codesVoided: () => 'codes_voided + 1', version: () => 'version + 1' })
      .where('ballot_id = :ballotId', { ballotId })
      .execute();
    return true;
  }

  async slipExists(em: EntityManager, ballotId: number, slipNo: number): Promise<boolean> {
    return (await em.getRepository(VotingCodeEntity).countBy({ ballotId, slipNo })) > 0;
  }

  /** The status of a code of this ballot by its hash, or null when the ballot has no such code. */
  async codeStatus(
    em: EntityManager,
    ballotId: number,
    codeHash: string,
  ): Promise<CodeStatus | null> {
    const row = await em
      .getRepository(VotingCodeEntity)
      .findOne({ select: { status: true }, where: { ballotId, codeHash } });
    return row?.status ?? null;
  }

  /**
   * The first statement of a cast: counts one more cast while the ballot is VOTING. On PostgreSQL
   * it locks the ballot's row, so the casts of one ballot commit one after another and the last one
   * sees every other (the automatic close).
   */
  async countCast(em: EntityManager, ballotId: number): Promise<ElectronicRow | null> {
    const r = await em
      .createQueryBuilder()
      .update(ElectronicBallotEntity)
      .set({ casts: () => 'casts + 1' })
      .where("ballot_id = :ballotId AND phase = 'VOTING'", { ballotId })
      .execute();
    if ((r.affected ?? 0) !== 1) return null;
    return this.find(em, ballotId);
  }

  /**
   * The organization of the ballot's bloc (issue 21), for the audit row of an anonymous delegate's
   * cast: the row belongs to that organization's log. Null: a bloc of no organization.
   */
  async organizationOfBallot(em: EntityManager, ballotId: number): Promise<number | null> {
    const row = await em
      .createQueryBuilder()
      .select('b.organizing_body_id', 'org')
      .from('ballot', 'bl')
      .innerJoin('meeting', 'm', 'm.id = bl.meeting_id')
      .innerJoin('bloc_term', 't', 't.id = m.term_id')
      .innerJoin('bloc', 'b', 'b.id = t.bloc_id')
      .where('bl.id = :ballotId', { ballotId })
      .getRawOne<{ org: number | string | null }>();
    return row?.org === null || row?.org === undefined ? null : Number(row.org);
  }

  /** Marks the code used if it is still unused; false when it was used (or voided) meanwhile. */
  async useCode(em: EntityManager, ballotId: number, codeHash: string): Promise<boolean> {
    const r = await em
      .createQueryBuilder()
      .update(VotingCodeEntity)
      .set({ status: 'USED' })
      .where("ballot_id = :ballotId AND code_hash = :codeHash AND status = 'ISSUED'", {
        ballotId,
        codeHash,
      })
      .execute();
    return (r.affected ?? 0) === 1;
  }

  async insertCast(
    em: EntityManager,
    ballotId: number,
    id: string,
    receipt: string,
    choices: CastChoices,
  ): Promise<void> {
    await em
      .getRepository(CastBallotEntity)
      .insert({ id, ballotId, receipt, choices: JSON.stringify(choices) });
  }

  /** The ballot's cast ballots in id order (random: it says nothing of the order of casting). */
  async casts(em: EntityManager, ballotId: number): Promise<CastBallot[]> {
    const rows = await em
      .getRepository(CastBallotEntity)
      .find({ where: { ballotId }, order: { id: 'ASC' } });
    return rows.map((r) => ({ receipt: r.receipt, choices: decodeChoices(r.choices) }));
  }

  /**
   * Writes the ballot's cast rows again, all in this one transaction, under new ids in id order:
   * afterwards no row's storage position or PostgreSQL row version tells when it was first cast.
   */
  async rewriteCasts(
    em: EntityManager,
    ballotId: number,
    rows: readonly (CastBallot & { id: string })[],
  ): Promise<void> {
    await em.getRepository(CastBallotEntity).delete({ ballotId });
    const sorted = [...rows].sort((a, b) => (a.id < b.id ? -1 : 1));
    for (let i = 0; i < sorted.length; i += 100) {
      await em.getRepository(CastBallotEntity).insert(
        sorted.slice(i, i + 100).map((r) => ({
          id: r.id,
          ballotId,
          receipt: r.receipt,
          choices: JSON.stringify(r.choices),
        })),
      );
    }
  }

  /** One more wrong code on the ballot (the minutes' count) and its guessing window. */
  async recordWrongCode(
    em: EntityManager,
    ballotId: number,
    window: { windowStart: number | null; failures: number },
  ): Promise<void> {
    await em
      .createQueryBuilder()
      .update(ElectronicBallotEntity)
      .set({
        wrongAttempts: () => 'wrong_attempts + 1',
        guessWindowStart: window.windowStart === null ? null : String(window.windowStart),
        guessWindowFailures: window.failures,
      })
      .where('ballot_id = :ballotId', { ballotId })
      .execute();
  }

  async addressWindow(
    em: EntityManager,
    ballotId: number,
    address: string,
  ): Promise<{ windowStart: number | null; failures: number }> {
    const row = await em.getRepository(VotingCodeAttemptEntity).findOneBy({ ballotId, address });
    return row
      ? { windowStart: Number(row.windowStart), failures: row.failures }
      : { windowStart: null, failures: 0 };
  }

  async saveAddressWindow(
    em: EntityManager,
    ballotId: number,
    address: string,
    window: { windowStart: number; failures: number },
  ): Promise<void> {
    await em
      .createQueryBuilder()
      .insert()
      .into(VotingCodeAttemptEntity)
      .values({
        ballotId,
        address,
        windowStart: String(window.windowStart),
        failures: window.failures,
      })
      .orUpdate(['window_start', 'failures'], ['ballot_id', 'address'])
      .execute();
  }
}
