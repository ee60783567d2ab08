import { BLOC_WORDS } from '../registry/organizing-body';
import {
  checkOfficerDecision,
  officerDecisionSentence,
  type OfficerDecision,
  type OfficerVote,
} from './officer-decision';

const ctx = { members: 12, present: 11, words: BLOC_WORDS.CUM, unitName: 'huyện Cẩm Giàng' };
const vote = (o: Partial<OfficerVote> = {}): OfficerVote => ({
  ballotsIssued: 11,
  ballotsReturned: 11,
  valid: 11,
  invalid: 0,
  agree: 10,
  disagree: 1,
  noOpinion: 0,
  ...o,
});
const decision = (o: Partial<OfficerDecision>): OfficerDecision => ({
  role: 'HEAD',
  unitId: 1,
  method: 'VOTE',
  basis: null,
  vote: vote(),
  ...o,
});
const codes = (d: OfficerDecision) => checkOfficerDecision(d, ctx).map((f) => f.code);

describe('checkOfficerDecision (R14 with the R8 arithmetic)', () => {
  it.each<[string, Partial<OfficerDecision>, string[]]>([
    ['a vote with consistent counts and 10/12 for', {}, []],
    ['7/12 for: more than half of all members', { vote: vote({ agree: 7, disagree: 4 }) }, []],
    [
      '6/12 for: exactly half is not enough',
      { vote: vote({ agree: 6, disagree: 5 }) },
      ['OFFICER_VOTE_NOT_PASSED'],
    ],
    [
      'valid + invalid differs from returned',
      { vote: vote({ invalid: 1 }) },
      ['COUNT_VALID_INVALID_NE_RETURNED'],
    ],
    [
      'more ballots issued than members present',
      { vote: vote({ ballotsIssued: 12 }) },
      ['COUNT_ISSUED_GT_PRESENT'],
    ],
    [
      'for + against + no opinion differs from valid',
      { vote: vote({ disagree: 0 }) },
      ['COUNT_NOMINEE_SUM_NE_VALID'],
    ],
    ['a vote without counts', { vote: null }, ['OFFICER_VOTE_REQUIRED']],
    [
      'an agreement without its basis',
      { method: 'ACCLAMATION', vote: null, basis: '  ' },
      ['OFFICER_BASIS_REQUIRED'],
    ],
    [
      'an agreement with counts',
      { method: 'ACCLAMATION', basis: 'Luân phiên theo Quy chế' },
      ['OFFICER_VOTE_NOT_ALLOWED'],
    ],
    ['an agreement with its basis', { method: 'ACCLAMATION', vote: null, basis: 'Luân phiên' }, []],
  ])('%s', (_name, o, expected) => {
    expect(codes(decision(o))).toEqual(expected);
  });

  it('words the refusal with the kind of the bloc and the field of the form', () => {
    const [f] = checkOfficerDecision(
      decision({ role: 'DEPUTY', vote: vote({ agree: 6, disagree: 5 }) }),
      ctx,
    );
    expect(f).toMatchObject({
      field: 'nextDeputy.vote.agree',
      message:
        'Phó cụm năm sau không được bầu: 6/12 phiếu tán thành, cần quá nửa tổng số thành viên (ít nhất 7).',
    });
  });
});

describe('officerDecisionSentence', () => {
  it('states a vote with its counts and share of all members', () => {
    expect(
      officerDecisionSentence(decision({}), 'huyện Cẩm Giàng', 2024, 12, BLOC_WORDS.KHOI),
    ).toBe(
      'Hội nghị bầu huyện Cẩm Giàng làm Trưởng khối năm 2024: 11 phiếu phát ra, 11 phiếu thu về, 11 phiếu hợp lệ, 0 phiếu không hợp lệ; 10 phiếu tán thành (83,3 % tổng số 12 thành viên), 1 không tán thành, 0 không có ý kiến.',
    );
  });

  it('states an agreement with its basis, in the words of a cụm', () => {
    expect(
      officerDecisionSentence(
        decision({
          role: 'DEPUTY',
          method: 'ACCLAMATION',
          vote: null,
          basis: 'Luân phiên theo Điều 6 Quy chế hoạt động của Cụm.',
        }),
        'huyện Gia Lộc',
        2024,
        12,
        BLOC_WORDS.CUM,
      ),
    ).toBe(
      'Hội nghị thống nhất suy tôn huyện Gia Lộc làm Phó cụm năm 2024, không bỏ phiếu; căn cứ: Luân phiên theo Điều 6 Quy chế hoạt động của Cụm.',
    );
  });
});
