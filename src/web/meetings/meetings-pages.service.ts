import { BLOC_WORDS } from '../../domain/registry/organizing-body';
import { Injectable } from '@nestjs/common';
import type { Authenticated } from '../../auth/auth.service';
import { AwardTiersService } from '../../award-tiers/award-tiers.service';
import { BlocsService } from '../../registry/blocs/blocs.service';
import { AppError } from '../../common/errors/app-error';
import { minimumCount } from '../../domain/common/fraction';
import { TIE_BREAK_LABELS } from '../../domain/registry/tiers';
import { DEFAULT_INVALID_SHARE_LIMIT } from '../../domain/voting';
import { formatShare, formatThreshold } from '../../domain/voting/format';
import { MeetingErrors } from '../../meetings/meeting.errors';
import type { BallotView, MeetingView } from '../../meetings/meeting-view';
import { OrganizingBodiesService } from '../../registry/organizing-bodies/organizing-bodies.service';
import { proposesTo } from '../../domain/registry/organizing-body';
import { tierOpenToBloc } from '../../domain/auth/tenancy';
import { MeetingsService } from '../../meetings/meetings.service';
import { COUNT_TOTALS, LINE_FIELDS, lineName } from './meeting-forms';
import { holds, holdsOnBloc } from '../core/access';

export const TOTAL_LABELS: Record<string, string> = {
  membersEntitled: 'Số thành viên có quyền biểu quyết',
  ballotsIssued: 'Số phiếu phát ra',
  ballotsReturned: 'Số phiếu thu về',
  valid: 'Số phiếu hợp lệ',
  invalid: 'Số phiếu không hợp lệ',
  seats: 'Số lượng được chọn',
};
export const LINE_LABELS: Record<string, string> = {
  agree: 'Tán thành',
  disagree: 'Không tán thành',
  noOpinion: 'Không có ý kiến',
};
const OUTCOME_LABELS: Record<string, string> = {
  ELECTED: 'Được suy tôn',
  TIED: 'Hòa phiếu, chờ xử lý',
  NOT_ELECTED: 'Đạt ngưỡng nhưng hết suất',
  NOT_PASSED: 'Không đạt',
};
const METHOD_LABELS: Record<string, string> = {
  SECRET: 'Bỏ phiếu kín',
  SHOW_OF_HANDS: 'Biểu quyết giơ tay',
};
const isLocked = (status: string) => status === 'FINALIZED' || status === 'CORRECTED';

interface BlocRule {
  tierId: number;
  tierCode: string;
  tierName: string;
  rank: number;
  quorum: { numerator: number; denominator: number };
  quorumComparator: 'GT' | 'GTE';
  selfVote: string;
  tieBreak: string;
  thresholdText: string;
}

/** View models of the meeting pages (list, console, ballot), built from the services' views. */
@Injectable()
export class MeetingsPagesService {
  constructor(
    private readonly meetings: MeetingsService,
    private readonly blocs: BlocsService,
    private readonly tiers: AwardTiersService,
    private readonly bodies: OrganizingBodiesService,
  ) {}

  /** The bloc's voting rule of each tier for the review of `year` (tiers without one left out). */
  async blocRules(year: number, blocId?: number): Promise<BlocRule[]> {
    const out: BlocRule[] = [];
    const bloc = blocId === undefined ? null : await this.blocs.get(blocId);
    const body = bloc === null ? null : await this.bodies.forBloc(bloc);
    for (const r of await this.tiers.resolveForYear(year)) {
      const v = r.rule?.votingRules.find((x) => x.body === 'BLOC');
      if (!v) continue;
      // a bloc votes only on the shared tiers and its organization's own, and of those on the tiers
      // of the authorities its organising body proposes to
      if (bloc && !tierOpenToBloc(r.tier.organizingBodyId, bloc.organizingBodyId)) continue;
      if (body && !proposesTo(body, r.tier.decidingAuthority)) continue;
      out.push({
        tierId: r.tier.id,
        tierCode: r.tier.code,
        tierName: r.tier.name,
        rank: r.tier.rank,
        quorum: v.quorum,
        quorumComparator: v.quorumComparator,
        selfVote: v.selfVote,
        tieBreak: TIE_BREAK_LABELS[v.tieBreak],
        thresholdText: formatThreshold(v.threshold, v.thresholdComparator),
      });
    }
    return out.sort((a, b) => a.rank - b.rank);
  }

  async list(auth: Authenticated, blocId: number, year: number) {
    const term = await this.blocs.getTerm(blocId, year);
    const meetings = await this.meetings.list(blocId, year);
    return {
      blocId,
      year,
      blocName: term.blocName,
      memberCount: term.memberCount,
      meetings,
      canWrite: holds(auth, 'meetings.write'),
      hasOfficial: meetings.some((m) => !m.isRehearsal && m.status !== 'CORRECTED'),
    };
  }

  async console(auth: Authenticated, mid: number) {
    const m = await this.meetings.get(mid);
    const term = await this.blocs.getTerm(m.blocId, m.year);
    const words = BLOC_WORDS[(await this.blocs.get(m.blocId)).kind];
    const rules = await this.blocRules(m.year, m.blocId);
    // the live quorum follows the strictest rule of the meeting's ballots (of every tier before any)
    const withBallots = rules.filter((r) => m.ballots.some((b) => b.tierId === r.tierId));
    const first = (withBallots.length > 0 ? withBallots : rules).reduce<BlocRule | undefined>(
      (strictest, r) =>
        !strictest ||
        minimumCount(term.members.length, r.quorum, r.quorumComparator) >
          minimumCount(term.members.length, strictest.quorum, strictest.quorumComparator)
          ? r
          : strictest,
      undefined,
    );
    const byUnit = new Map(m.attendance.map((a) => [a.unit.id, a]));
    const rows = term.members.map((u) => {
      const a = byUnit.get(u.id);
      return {
        id: u.id,
        code: u.code,
        name: u.fullName,
        present: a ? (a.present ? '1' : '0') : '1',
        delegate: a?.delegateName ?? '',
        reason: a?.absenceReason ?? '',
        written: a?.writtenBallot ?? false,
      };
    });
    const total = term.members.length;
    const quorumRule = first
      ? {
          numerator: first.quorum.numerator,
          denominator: first.quorum.denominator,
          comparator: first.quorumComparator,
          text: formatThreshold(first.quorum, first.quorumComparator),
          required: total === 0 ? 1 : minimumCount(total, first.quorum, first.quorumComparator),
        }
      : null;
    const withBallot = new Set(m.ballots.map((b) => b.tierId));
    const canWrite = holds(auth, 'meetings.write');
    const locked = isLocked(m.status);
    const ballots = m.ballots.map((b) => this.ballotSummary(b, auth, canWrite && !locked));
    const openableCount = ballots.filter((b) => b.canOpen).length;
    return {
      meeting: m,
      rows,
      total,
      quorumRule,
      locked,
      canWrite,
      canCorrect:
        holdsOnBloc(auth, 'meetings.correct', m.blocId) &&
        m.status === 'FINALIZED' &&
        !m.pendingCorrection,
      // The administrator's step, never by the person who asked for the correction.
      canDecideCorrection:
        m.pendingCorrection !== null &&
        holds(auth, 'meetings.correct.approve') &&
        m.pendingCorrection.requestedById !== auth.user.id,
      canEditFacts:
        canWrite &&
        (m.status === 'DRAFT' ||
          m.status === 'OPEN' ||
          (m.versionNo > 1 && (m.status === 'VOTING' || m.status === 'COUNTED'))),
      canEditAttendance: canWrite && (m.status === 'DRAFT' || m.status === 'OPEN'),
      canOpen: canWrite && m.status === 'DRAFT',
      canAddBallot: canWrite && !locked && m.status !== 'DRAFT',
      canFinalize: canWrite && m.status === 'COUNTED',
      tierOptions: rules
        .filter((r) => !withBallot.has(r.tierId))
        .map((r) => ({ value: r.tierId, label: `${r.tierName} (${r.thresholdText})` })),
      methodOptions: Object.entries(METHOD_LABELS).map(([value, label]) => ({ value, label })),
      modeOptions: [
        { value: 'PAPER', label: 'Phiếu giấy (Ban kiểm phiếu đếm, nhập hai lần)' },
        { value: 'ELECTRONIC', label: 'Điện tử (đại biểu bỏ phiếu kín trên điện thoại)' },
      ],
      memberOptions: term.members.map((u) => ({ value: u.id, label: u.fullName })),
      nextYear: m.year + 1,
      officerRoles: [
        { key: 'nextHead', title: words.head },
        { key: 'nextDeputy', title: words.deputy },
      ],
      ballots,
      openableCount,
      // One action for every ballot once the roll is closed and reaches the quorum.
      canOpenAll: m.status !== 'DRAFT' && m.quorum.reached === true && openableCount > 1,
      committeeHead: m.countingCommittee.find((c) => c.role === 'Trưởng ban')?.name ?? '',
      committeeMembers: m.countingCommittee
        .filter((c) => c.role !== 'Trưởng ban')
        .map((c) => c.name)
        .join('\n'),
      guestsText: m.guests.join('\n'),
      agendaText: m.agenda.join('\n'),
    };
  }

  private ballotSummary(b: BallotView, auth: Authenticated, writable: boolean) {
    return {
      ...b,
      methodLabel: METHOD_LABELS[b.method] ?? b.method,
      nomineeNames: b.nominees.map((n) => n.shortName).join(', '),
      winnerNames: b.winners.map((n) => n.shortName).join(', '),
      canOpen: writable && b.status === 'DRAFT',
      mine: b.entries.some((e) => same(e.enteredBy, auth.user.username)),
    };
  }

  /** The ballot must belong to the meeting of the path (else 404, as for an unknown ballot). */
  async ballotOf(mid: number, bid: number): Promise<BallotView> {
    const m = await this.meetings.get(mid);
    const b = m.ballots.find((x) => x.id === bid);
    if (!b) throw new AppError(MeetingErrors.BALLOT_NOT_FOUND);
    return b;
  }

  /** After a correction the new version is the live meeting of the term. */
  async latestVersion(mid: number): Promise<number> {
    const m = await this.meetings.get(mid);
    const all = await this.meetings.list(m.blocId, m.year);
    const next = all.find((x) => x.supersedesId === mid);
    return next?.id ?? mid;
  }

  /** The ballot page: count form (first, second or correction), comparison and results. */
  async ballot(auth: Authenticated, mid: number, bid: number) {
    const m = await this.meetings.get(mid);
    const b = m.ballots.find((x) => x.id === bid);
    if (!b) throw new AppError(MeetingErrors.BALLOT_NOT_FOUND);
    const me = auth.user.username;
    const canWrite = holds(auth, 'meetings.write') && !isLocked(m.status);
    const myEntry = b.entries.find((e) => same(e.enteredBy, me)) ?? null;
    const mismatch = b.entries.length === 2 && b.entries.every((e) => e.status === 'MISMATCH');
    let mode: 'enter' | 'wait' | 'correct' | 'none' = 'none';
    if (canWrite && b.status === 'OPEN') {
      if (mismatch) mode = myEntry ? 'correct' : 'none';
      else if (!myEntry && b.entries.length < 2) mode = 'enter';
      else if (myEntry) mode = 'wait';
    }
    const byCode = new Map(b.nominees.map((n) => [n.code, n]));
    // The differing fields are marked in the author's correction form only.
    const diffByField = new Map((mode === 'correct' ? b.differences : []).map((d) => [d.field, d]));
    const [e1, e2] = b.entries;
    const nominees = b.nominees.map((n) => ({
      id: n.id,
      code: n.code,
      name: n.fullName,
      shortName: n.shortName,
      fields: LINE_FIELDS.map((f) => ({
        key: f,
        name: lineName(n.code, f),
        label: LINE_LABELS[f],
        diff: diffByField.get(lineName(n.code, f)) ?? null,
      })),
    }));
    const totals = COUNT_TOTALS.map((k) => ({
      name: k,
      label: TOTAL_LABELS[k],
      diff: diffByField.get(k) ?? null,
    }));
    const tally = b.tally;
    // The rule the ballot froze when it opened, never the rule in force today: its sentence
    // (domain/voting/format.ts, stored with the ballot) and, once counted, the tally's tie-break.
    const frozenRule = b.ruleText
      ? {
          text: b.ruleText,
          isSample: b.ruleIsSample,
          tieBreak: tally ? TIE_BREAK_LABELS[tally.protocol] : null,
        }
      : null;
    const nameOf = (code: string) => byCode.get(code)?.fullName ?? code;
    const invalidLimit = b.rule?.invalidShare ?? DEFAULT_INVALID_SHARE_LIMIT;
    return {
      meeting: m,
      ballot: b,
      methodLabel: METHOD_LABELS[b.method] ?? b.method,
      frozenRule,
      present: m.quorum.present,
      total: m.quorum.total,
      // The live check of the count form (meetings.js) reads the rule frozen with the ballot, the
      // one BallotsService checks the counts against: whether a nominee's own ballot is left out, and
      // the share of invalid ballots above which the counts need a reason (the domain's default when
      // the rule sets none).
      selfExcluded: b.rule?.selfVote === 'EXCLUDED',
      invalidLimit: {
        numerator: invalidLimit.numerator,
        denominator: invalidLimit.denominator,
        text: formatShare(invalidLimit),
      },
      mode,
      entryNo: mode === 'enter' ? b.entries.length + 1 : (myEntry?.entryNo ?? null),
      myEntry,
      canWrite,
      totals,
      nominees,
      comparison: mismatch
        ? {
            first: e1!.enteredBy,
            second: e2!.enteredBy,
            rows: b.differences.map((d) => ({
              label: diffLabel(d.field, nameOf),
              first: d.first,
              second: d.second,
            })),
          }
        : null,
      results: tally
        ? {
            quorum: tally.quorum.explanation,
            protocol: frozenRule?.tieBreak ?? '',
            lines: tally.lines.map((l) => ({
              ...l,
              name: nameOf(l.nomineeId),
              outcomeLabel: OUTCOME_LABELS[l.outcome] ?? l.outcome,
              elected: tally.winners.includes(l.nomineeId),
            })),
            winners: tally.winners.map(nameOf),
            tie: tally.tie
              ? {
                  sentence: tally.tie.sentence,
                  pending: b.status === 'TIE_PENDING',
                  protocol: tally.protocol,
                  seats: tally.tie.remainingSeats,
                  candidates: tally.tie.remainingNomineeIds.map((c) => ({
                    value: byCode.get(c)?.id ?? 0,
                    label: nameOf(c),
                  })),
                }
              : null,
            minutes: tally.minutes,
            warnings: tally.warnings.map((w) => w.message),
          }
        : null,
      accepted: b.acceptedCounts,
    };
  }
}

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** "nominees[HD-CG].agree" → "Cẩm Giàng — tán thành". */
export function diffLabel(path: string, nameOf: (code: string) => string): string {
  const line = /^(written\.)?nominees\[([^\]]+)\]\.(\w+)$/.exec(path);
  if (line)
    return `${line[1] ? 'Phiếu văn bản — ' : ''}${nameOf(line[2]!)}: ${(LINE_LABELS[line[3]!] ?? line[3]!).toLowerCase()}`;
  const w = /^written\.(\w+)$/.exec(path);
  if (w) return `Phiếu văn bản — ${(TOTAL_LABELS[w[1]!] ?? w[1]!).toLowerCase()}`;
  return TOTAL_LABELS[path] ?? path;
}

export type ConsoleModel = Awaited<ReturnType<MeetingsPagesService['console']>>;
export type BallotModel = Awaited<ReturnType<MeetingsPagesService['ballot']>>;
export type { MeetingView };
