import {
  addFailure,
  allowedElectronicTransitions,
  ballotGuessLimit,
  canTransitionElectronic,
  checkChoices,
  countCastBallots,
  everyCodeUsed,
  formatReceipt,
  formatVotingCode,
  GUESS_LIMITS,
  guessWait,
  normalizeVotingCode,
  type CastChoices,
} from './electronic';

describe('electronic ballot phases', () => {
  it.each([
    ['READY', 'VOTING', true],
    ['VOTING', 'CLOSED', true],
    ['CLOSED', 'CONFIRMED', true],
    ['READY', 'CLOSED', false],
    ['VOTING', 'CONFIRMED', false],
    ['CLOSED', 'VOTING', false],
    ['CONFIRMED', 'VOTING', false],
  ] as const)('%s → %s allowed: %s', (from, to, allowed) => {
    expect(canTransitionElectronic(from, to)).toBe(allowed);
  });

  it('a confirmed ballot goes nowhere', () => {
    expect(allowedElectronicTransitions('CONFIRMED')).toEqual([]);
  });
});

describe('voting codes', () => {
  it('prints 80 bits as 4 groups of 4 base-32 characters', () => {
    expect(formatVotingCode(new Uint8Array(10))).toBe('0000-0000-0000-0000');
    expect(formatVotingCode(new Uint8Array(10).fill(255))).toBe('ZZZZ-ZZZZ-ZZZZ-ZZZZ');
    expect(formatVotingCode(Uint8Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]))).toBe(
      '0410-6105-0R3G-G28A',
    );
    expect(() => formatVotingCode(new Uint8Array(9))).toThrow(RangeError);
  });

  it('prints receipts as 2 groups of 4', () => {
    expect(formatReceipt(Uint8Array.from([255, 0, 255, 0, 255]))).toBe('ZW0F-Y07Z');
  });

  it.each([
    ['k7qm 2xhd 9rta wp3f', 'K7QM2XHD9RTAWP3F'],
    ['K7QM-2XHD-9RTA-WP3F', 'K7QM2XHD9RTAWP3F'],
    ['OOOO-IIII-LLLL-0000', '0000111111110000'],
    ['K7QM-2XHD-9RTA-WP3', null],
    ['K7QM-2XHD-9RTA-WP3FF', null],
    ['K7QM-2XHD-9RTA-WP3U', null],
    ['', null],
  ])('reads "%s" as %s', (typed, expected) => {
    expect(normalizeVotingCode(typed)).toBe(expected);
  });

  it('a printed code reads back as itself', () => {
    const bytes = Uint8Array.from([200, 13, 7, 99, 1, 250, 33, 64, 128, 5]);
    expect(normalizeVotingCode(formatVotingCode(bytes))).toBe(
      formatVotingCode(bytes).replace(/-/g, ''),
    );
  });
});

describe('checkChoices', () => {
  it('accepts up to `seats` approvals, and a blank ballot', () => {
    expect(checkChoices(3, 2, ['AGREE', 'AGREE', 'DISAGREE'])).toMatchObject({ ok: true });
    expect(checkChoices(3, 2, ['NO_OPINION', 'NO_OPINION', 'NO_OPINION'])).toMatchObject({
      ok: true,
    });
    expect(checkChoices(2, 1, ['DISAGREE', 'DISAGREE'])).toMatchObject({ ok: true });
  });

  it('refuses an over-vote with the reason in words', () => {
    const r = checkChoices(3, 1, ['AGREE', 'AGREE', 'NO_OPINION']);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('CHOICE_OVER_VOTE');
    expect(r.error.message).toContain('nhiều hơn số được chọn (1)');
    expect(r.error.message).toContain('không hợp lệ');
  });

  it.each([
    [['AGREE'], 2],
    [['AGREE', null], 2],
    [['AGREE', 'MAYBE'], 2],
    [['AGREE', 'AGREE', 'AGREE'], 2],
  ])('refuses %j for %i nominees as incomplete', (choices, n) => {
    const r = checkChoices(n, 2, choices as never);
    expect(r).toMatchObject({ ok: false, error: { code: 'CHOICE_INCOMPLETE' } });
  });
});

describe('countCastBallots', () => {
  it('counts each nominee line from the stored ballots', () => {
    const ballots: CastChoices[] = [
      ['AGREE', 'DISAGREE'],
      ['AGREE', 'NO_OPINION'],
      ['NO_OPINION', 'AGREE'],
      ['DISAGREE', 'DISAGREE'],
    ];
    expect(
      countCastBallots({
        membersEntitled: 12,
        ballotsIssued: 5,
        seats: 1,
        nomineeIds: ['A', 'B'],
        ballots,
      }),
    ).toEqual({
      membersEntitled: 12,
      ballotsIssued: 5,
      ballotsReturned: 4,
      valid: 4,
      invalid: 0,
      seats: 1,
      nominees: [
        { nomineeId: 'A', agree: 2, disagree: 1, noOpinion: 1 },
        { nomineeId: 'B', agree: 1, disagree: 2, noOpinion: 1 },
      ],
      written: null,
    });
  });

  it('counts zero for a ballot nobody cast', () => {
    const c = countCastBallots({
      membersEntitled: 3,
      ballotsIssued: 3,
      seats: 1,
      nomineeIds: ['A'],
      ballots: [],
    });
    expect(c).toMatchObject({ ballotsReturned: 0, valid: 0, nominees: [{ agree: 0 }] });
  });
});

describe('closing and guessing', () => {
  it('closes when every usable code was used', () => {
    expect(everyCodeUsed({ issued: 12, voided: 1, used: 11 })).toBe(true);
    expect(everyCodeUsed({ issued: 12, voided: 1, used: 10 })).toBe(false);
  });

  it('waits out the window after the limit, then starts again', () => {
    const t0 = 1_000_000;
    let w = { windowStart: null as number | null, failures: 0 };
    for (let i = 0; i < GUESS_LIMITS.perAddress; i++) {
      expect(guessWait(w, GUESS_LIMITS.perAddress, t0)).toBe(0);
      w = addFailure(w, t0 + i);
    }
    expect(guessWait(w, GUESS_LIMITS.perAddress, t0 + 10)).toBe(GUESS_LIMITS.windowSeconds);
    const later = t0 + GUESS_LIMITS.windowSeconds * 1000;
    expect(guessWait(w, GUESS_LIMITS.perAddress, later)).toBe(0);
    expect(addFailure(w, later)).toEqual({ windowStart: later, failures: 1 });
  });

  it('allows a larger room more wrong codes per ballot', () => {
    expect(ballotGuessLimit(12)).toBe(30);
    expect(ballotGuessLimit(200)).toBe(200);
  });
});
