import { organizationSignatureLines, signRefusal, vietnamIsoTime, type SignFacts } from './signing';

const ok: SignFacts = {
  rehearsal: false,
  latestVersion: true,
  alreadySigned: false,
  signerAllowed: true,
  certificateValidFrom: new Date('2024-01-01T00:00:00Z'),
  certificateValidTo: new Date('2025-01-01T00:00:00Z'),
  now: new Date('2024-03-28T03:00:00Z'),
};

describe('signRefusal', () => {
  it.each<[Partial<SignFacts>, ReturnType<typeof signRefusal>]>([
    [{}, null],
    [{ rehearsal: true, alreadySigned: true }, 'REHEARSAL'],
    [{ latestVersion: false }, 'SUPERSEDED'],
    [{ alreadySigned: true, signerAllowed: false }, 'ALREADY_SIGNED'],
    [{ signerAllowed: false }, 'SIGNER_NOT_ALLOWED'],
    [{ now: new Date('2023-12-31T23:59:59Z') }, 'CERTIFICATE_NOT_YET_VALID'],
    [{ now: new Date('2025-01-01T00:00:01Z') }, 'CERTIFICATE_EXPIRED'],
  ])('%j → %s', (change, expected) => {
    expect(signRefusal({ ...ok, ...change })).toBe(expected);
  });
});

describe('Vietnam signing time (ISO 8601, +07:00)', () => {
  it('writes the local date and time with seconds and the zone, across midnight UTC', () => {
    expect(vietnamIsoTime(new Date('2024-03-28T03:15:30.900Z'))).toBe('2024-03-28T10:15:30+07:00');
    expect(vietnamIsoTime(new Date('2024-03-27T17:00:00Z'))).toBe('2024-03-28T00:00:00+07:00');
  });

  it('prints the organization and the time', () => {
    expect(
      organizationSignatureLines(
        'Ủy ban nhân dân huyện Cẩm Giàng',
        new Date('2024-03-28T03:15:30Z'),
      ),
    ).toEqual([
      'Cơ quan: Ủy ban nhân dân huyện Cẩm Giàng',
      'Thời gian ký: 2024-03-28T10:15:30+07:00',
    ]);
  });
});
