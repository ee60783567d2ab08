import { minimumCount, reaches, type Fraction } from '../common/fraction';
import type { Finding } from '../common/result';
import { percentTenths, formatPercentTenths } from '../voting/format';
import { checkCounts } from '../voting/counts';
import type { BlocWords } from '../registry/organizing-body';

/** R14: the two officers a year-end meeting chooses for next year. */
export type OfficerRole = 'HEAD' | 'DEPUTY';
export const OFFICER_ROLES: readonly OfficerRole[] = ['HEAD', 'DEPUTY'];

/** How the meeting decided: a counted vote, or agreement without a ballot (suy tôn, thống nhất). */
export type OfficerDecisionMethod = 'VOTE' | 'ACCLAMATION';
export const OFFICER_DECISION_METHODS: readonly OfficerDecisionMethod[] = ['VOTE', 'ACCLAMATION'];

/** The counts of an officer vote, entered as on any ballot of the meeting (R8). */
export interface OfficerVote {
  readonly ballotsIssued: number;
  readonly ballotsReturned: number;
  readonly valid: number;
  readonly invalid: number;
  readonly agree: number;
  readonly disagree: number;
  readonly noOpinion: number;
}

/** The meeting's decision on one officer of next year's term. */
export interface OfficerDecision {
  readonly role: OfficerRole;
  readonly unitId: number;
  readonly method: OfficerDecisionMethod;
  /** What the decision rests on: the bloc's regulation, rotation, the meeting's agreement. */
  readonly basis: string | null;
  readonly vote: OfficerVote | null;
}

/**
 * The share of the bloc's members an officer vote must reach: more than half of all members (the
 * usual rule of bloc regulations for electing their head and deputy; no national text sets it).
 */
export const OFFICER_VOTE_THRESHOLD: Fraction = { numerator: 1, denominator: 2 };

export const OFFICER_FINDING_CODES = [
  'OFFICER_BASIS_REQUIRED',
  'OFFICER_VOTE_REQUIRED',
  'OFFICER_VOTE_NOT_ALLOWED',
  'OFFICER_VOTE_NOT_PASSED',
] as const;

/** Role words of the bloc's kind: "Trưởng khối" / "Phó cụm". */
export function officerTitle(role: OfficerRole, words: BlocWords): string {
  return role === 'HEAD' ? words.head : words.deputy;
}

/**
 * R14 with R8's arithmetic: an agreement states its basis; a vote carries counts that pass the same
 * consistency checks as the meeting's other ballots and reaches more than half of all members.
 */
export function checkOfficerDecision(
  d: OfficerDecision,
  ctx: {
    readonly members: number;
    readonly present: number;
    readonly words: BlocWords;
    readonly unitName: string;
  },
): Finding[] {
  const title = officerTitle(d.role, ctx.words);
  const field = d.role === 'HEAD' ? 'nextHead' : 'nextDeputy';
  if (d.method === 'ACCLAMATION') {
    const out: Finding[] = [];
    if (!d.basis?.trim())
      out.push({
        code: 'OFFICER_BASIS_REQUIRED',
        severity: 'error',
        message: `${title} năm sau được thống nhất không qua bỏ phiếu: cần ghi căn cứ (quy chế của ${ctx.words.noun.toLowerCase()}, nguyên tắc luân phiên, biểu quyết giơ tay…).`,
        field: `${field}.basis`,
      });
    if (d.vote)
      out.push({
        code: 'OFFICER_VOTE_NOT_ALLOWED',
        severity: 'error',
        message: `${title} năm sau được thống nhất không qua bỏ phiếu: không ghi số phiếu.`,
        field: `${field}.vote`,
      });
    return out;
  }
  if (!d.vote)
    return [
      {
        code: 'OFFICER_VOTE_REQUIRED',
        severity: 'error',
        message: `${title} năm sau được bầu: cần ghi kết quả kiểm phiếu.`,
        field: `${field}.vote`,
      },
    ];
  const v = d.vote;
  const counts = checkCounts(
    {
      membersEntitled: ctx.members,
      ballotsIssued: v.ballotsIssued,
      ballotsReturned: v.ballotsReturned,
      valid: v.valid,
      invalid: v.invalid,
      seats: 1,
      nominees: [{ nomineeId: 'X', agree: v.agree, disagree: v.disagree, noOpinion: v.noOpinion }],
    },
    {
      present: ctx.present,
      rule: { selfVote: 'ALLOWED', allowWrittenAbsentee: false },
      names: new Map([['X', ctx.unitName]]),
    },
  )
    .filter((f) => f.severity === 'error')
    .map((f) => ({
      ...f,
      message: `${title} năm sau: ${f.message.charAt(0).toLowerCase()}${f.message.slice(1)}`,
      field: `${field}.vote.${(f.field ?? '').replace(/^nominees\[X\]\.?/, '') || 'agree'}`,
    }));
  if (counts.length > 0) return counts;
  if (!reaches(v.agree, ctx.members, OFFICER_VOTE_THRESHOLD, 'GT'))
    return [
      {
        code: 'OFFICER_VOTE_NOT_PASSED',
        severity: 'error',
        message: `${title} năm sau không được bầu: ${v.agree}/${ctx.members} phiếu tán thành, cần quá nửa tổng số thành viên (ít nhất ${minimumCount(ctx.members, OFFICER_VOTE_THRESHOLD, 'GT')}).`,
        field: `${field}.vote.agree`,
      },
    ];
  return [];
}

/** The sentence of the minutes recording the decision: "Hội nghị bầu huyện X làm Trưởng khối năm 2024 …". */
export function officerDecisionSentence(
  d: Pick<OfficerDecision, 'role' | 'method' | 'basis' | 'vote'>,
  unitName: string,
  year: number,
  members: number,
  words: BlocWords,
): string {
  const title = `${officerTitle(d.role, words)} năm ${year}`;
  if (d.method === 'ACCLAMATION' || !d.vote)
    return `Hội nghị thống nhất suy tôn ${unitName} làm ${title}, không bỏ phiếu${d.basis ? `; căn cứ: ${d.basis.trim().replace(/[.;]$/, '')}` : ''}.`;
  const v = d.vote;
  const share = formatPercentTenths(percentTenths(v.agree, members));
  return `Hội nghị bầu ${unitName} làm ${title}: ${v.ballotsIssued} phiếu phát ra, ${v.ballotsReturned} phiếu thu về, ${v.valid} phiếu hợp lệ, ${v.invalid} phiếu không hợp lệ; ${v.agree} phiếu tán thành (${share} tổng số ${members} thành viên), ${v.disagree} không tán thành, ${v.noOpinion} không có ý kiến${d.basis ? `; căn cứ: ${d.basis.trim().replace(/[.;]$/, '')}` : ''}.`;
}
