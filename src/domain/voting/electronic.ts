import { err, ok, type Result } from '../common/result';
import type { BallotCounts, NomineeCount } from './counts';
import type { NomineeId } from './voting-rule';

/**
 * Electronic secret ballot (issue 18): the pure rules. A ballot is PAPER (counts typed twice) or
 * ELECTRONIC (delegates cast on their phones with single-use codes); the counts of an electronic
 * ballot are computed from the stored ballots, never typed.
 */
export const BALLOT_MODES = ['PAPER', 'ELECTRONIC'] as const;
export type BallotMode = (typeof BALLOT_MODES)[number];

/**
 * READY (created, no code yet) → VOTING (codes issued, casting) → CLOSED (no more casts; counts
 * computed from the stored ballots) → CONFIRMED (the counting committee confirmed them: they are the
 * ballot's accepted entry and the tally runs).
 */
export const ELECTRONIC_PHASES = ['READY', 'VOTING', 'CLOSED', 'CONFIRMED'] as const;
export type ElectronicPhase = (typeof ELECTRONIC_PHASES)[number];

export const ELECTRONIC_PHASE_LABELS: Readonly<Record<ElectronicPhase, string>> = {
  READY: 'chưa phát mã',
  VOTING: 'đang bỏ phiếu',
  CLOSED: 'đã kết thúc bỏ phiếu, chờ Ban kiểm phiếu xác nhận',
  CONFIRMED: 'Ban kiểm phiếu đã xác nhận kết quả',
};

const TRANSITIONS: Readonly<Record<ElectronicPhase, readonly ElectronicPhase[]>> = {
  READY: ['VOTING'],
  VOTING: ['CLOSED'],
  CLOSED: ['CONFIRMED'],
  CONFIRMED: [],
};

export function canTransitionElectronic(from: ElectronicPhase, to: ElectronicPhase): boolean {
  return TRANSITIONS[from].includes(to);
}

export function allowedElectronicTransitions(from: ElectronicPhase): readonly ElectronicPhase[] {
  return TRANSITIONS[from];
}

/** One nominee's mark on an electronic ballot (Tán thành / Không tán thành / Không có ý kiến). */
export const CHOICES = ['AGREE', 'DISAGREE', 'NO_OPINION'] as const;
export type Choice = (typeof CHOICES)[number];

export const CHOICE_LABELS: Readonly<Record<Choice, string>> = {
  AGREE: 'Tán thành',
  DISAGREE: 'Không tán thành',
  NO_OPINION: 'Không có ý kiến',
};

/** A cast ballot: one choice per nominee, in the order printed on the ballot. */
export type CastChoices = readonly Choice[];

/** Crockford's base 32: no I, L, O, U, so a code read aloud or typed is not misread. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** Voting codes carry 80 random bits: 16 characters of base 32, typed as 4 groups of 4. */
export const VOTING_CODE_BYTES = 10;
export const VOTING_CODE_LENGTH = 16;
/** Receipt codes carry 40 random bits (they only need to be unique on one ballot's board). */
export const RECEIPT_BYTES = 5;

function base32(bytes: Uint8Array): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const b of bytes) {
    value = (value << 8) | b;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
  }
  if (bits > 0) out += ALPHABET[(value << (5 - bits)) & 31];
  return out;
}

const grouped = (s: string) => s.match(/.{1,4}/g)!.join('-');

/** A voting code in its printed form, from 10 random bytes: "K7QM-2XHD-9RTA-WP3F". */
export function formatVotingCode(random: Uint8Array): string {
  if (random.length !== VOTING_CODE_BYTES) throw new RangeError('a voting code needs 10 bytes');
  return grouped(base32(random));
}

/** A receipt code in its printed form, from 5 random bytes: "8FQ2-MZ4K". */
export function formatReceipt(random: Uint8Array): string {
  if (random.length !== RECEIPT_BYTES) throw new RangeError('a receipt needs 5 bytes');
  return grouped(base32(random));
}

/**
 * A typed voting code made canonical (upper case, no spaces or dashes, O read as 0, I and L as 1),
 * or null when it cannot be a voting code (wrong length or a character outside the alphabet).
 */
export function normalizeVotingCode(typed: string): string | null {
  const s = typed.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (s.length !== VOTING_CODE_LENGTH) return null;
  for (const c of s) if (!ALPHABET.includes(c)) return null;
  return s;
}

/** Why a ballot was refused before casting; the message is what the delegate reads. */
export interface ChoiceRefusal {
  readonly code: 'CHOICE_OVER_VOTE' | 'CHOICE_INCOMPLETE';
  readonly message: string;
}

/**
 * R8 on an electronic ballot: one mark per nominee; more approvals than seats is an over-vote, an
 * invalid ballot in Vietnamese practice, so it is refused before casting with the reason. A ballot
 * with no approval (blank, or all "không tán thành") is valid.
 */
export function checkChoices(
  nomineeCount: number,
  seats: number,
  choices: readonly (Choice | null | undefined)[],
): Result<CastChoices, ChoiceRefusal> {
  if (choices.length !== nomineeCount || choices.some((c) => !c || !CHOICES.includes(c)))
    return err({
      code: 'CHOICE_INCOMPLETE',
      message: `Phiếu phải có đúng một lựa chọn cho mỗi đơn vị trong số ${nomineeCount} đơn vị có tên trên phiếu.`,
    });
  const approvals = choices.filter((c) => c === 'AGREE').length;
  if (approvals > seats)
    return err({
      code: 'CHOICE_OVER_VOTE',
      message: `Phiếu tán thành ${approvals} đơn vị, nhiều hơn số được chọn (${seats}): phiếu như vậy là phiếu không hợp lệ. Hãy bỏ bớt ${approvals - seats} lựa chọn "Tán thành".`,
    });
  return ok(choices as CastChoices);
}

/** The counts of an electronic ballot: what the stored ballots say, every one of them valid. */
export function countCastBallots(input: {
  membersEntitled: number;
  /** Codes that could be used: issued minus voided (one per delegate present). */
  ballotsIssued: number;
  seats: number;
  nomineeIds: readonly NomineeId[];
  ballots: readonly CastChoices[];
}): BallotCounts {
  const nominees: NomineeCount[] = input.nomineeIds.map((nomineeId, i) => {
    const marks = input.ballots.map((b) => b[i]);
    return {
      nomineeId,
      agree: marks.filter((c) => c === 'AGREE').length,
      disagree: marks.filter((c) => c === 'DISAGREE').length,
      noOpinion: marks.filter((c) => c === 'NO_OPINION').length,
    };
  });
  return {
    membersEntitled: input.membersEntitled,
    ballotsIssued: input.ballotsIssued,
    ballotsReturned: input.ballots.length,
    valid: input.ballots.length,
    invalid: 0,
    seats: input.seats,
    nominees,
    written: null,
  };
}

/** Voting closes by itself when every usable code (issued and not voided) was used. */
export function everyCodeUsed(c: { issued: number; voided: number; used: number }): boolean {
  return c.used >= c.issued - c.voided;
}

/**
 * Guessing codes (issue 18): wrong codes are counted per address and per ballot in a window; past
 * either limit further attempts wait for the window to pass. 80-bit codes cannot be found by
 * guessing anyway; the limits keep a script from flooding the count of the minutes.
 */
export const GUESS_LIMITS = {
  windowSeconds: 600,
  perAddress: 5,
  /** Per ballot: a room full of typos stays under it; a script does not. */
  perBallotMin: 30,
} as const;

export interface GuessWindow {
  /** Start of the current window (ms since epoch), or null before any wrong code. */
  readonly windowStart: number | null;
  readonly failures: number;
}

/** The window after one more wrong code at `now` (a new window starts when the old one passed). */
export function addFailure(w: GuessWindow, now: number): GuessWindow {
  const fresh = w.windowStart === null || now - w.windowStart >= GUESS_LIMITS.windowSeconds * 1000;
  return fresh ? { windowStart: now, failures: 1 } : { ...w, failures: w.failures + 1 };
}

/** Seconds to wait before another attempt, or 0 when one is allowed. */
export function guessWait(w: GuessWindow, limit: number, now: number): number {
  if (w.windowStart === null || w.failures < limit) return 0;
  const left = w.windowStart + GUESS_LIMITS.windowSeconds * 1000 - now;
  return left > 0 ? Math.ceil(left / 1000) : 0;
}

/** The per-ballot limit: at least 30 wrong codes a window, more for a large room. */
export function ballotGuessLimit(issued: number): number {
  return Math.max(GUESS_LIMITS.perBallotMin, issued);
}
