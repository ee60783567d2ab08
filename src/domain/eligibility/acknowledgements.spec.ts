import type { Finding } from '../common/result';
import {
  checkAcknowledgements,
  mergeAcknowledgements,
  type WarningAcknowledgement,
} from './acknowledgements';

const warning = (code: string, message = `cảnh báo ${code}`): Finding => ({
  code,
  severity: 'warning',
  message,
});

describe('checkAcknowledgements', () => {
  const cases: {
    name: string;
    warnings: Finding[];
    acks: WarningAcknowledgement[];
    missing: string[];
  }[] = [
    { name: 'passes with no warnings', warnings: [], acks: [], missing: [] },
    {
      name: 'passes a warning acknowledged with a reason',
      warnings: [warning('NOT_LEADER')],
      acks: [{ code: 'NOT_LEADER', reason: 'Đơn vị dẫn đầu được đề nghị Cờ của Chính phủ' }],
      missing: [],
    },
    {
      name: 'reports a warning without acknowledgement',
      warnings: [warning('NOT_LEADER')],
      acks: [],
      missing: ['NOT_LEADER'],
    },
    {
      name: 'reports an acknowledgement with an empty reason',
      warnings: [warning('NOT_LEADER')],
      acks: [{ code: 'NOT_LEADER', reason: '' }],
      missing: ['NOT_LEADER'],
    },
    {
      name: 'reports an acknowledgement with a blank reason (boundary: whitespace only)',
      warnings: [warning('NOT_LEADER')],
      acks: [{ code: 'NOT_LEADER', reason: ' \t' }],
      missing: ['NOT_LEADER'],
    },
    {
      name: 'does not let one code acknowledge another',
      warnings: [warning('NOT_LEADER')],
      acks: [{ code: 'RANKING_INCOMPLETE', reason: 'x' }],
      missing: ['NOT_LEADER'],
    },
    {
      name: 'covers every warning of an acknowledged code, reports the rest',
      warnings: [warning('NOT_LEADER'), warning('NOT_LEADER'), warning('RANKING_INCOMPLETE')],
      acks: [{ code: 'NOT_LEADER', reason: 'x' }],
      missing: ['RANKING_INCOMPLETE'],
    },
    {
      name: 'accepts a blank and a real acknowledgement of the same code',
      warnings: [warning('NOT_LEADER')],
      acks: [
        { code: 'NOT_LEADER', reason: '' },
        { code: 'NOT_LEADER', reason: 'x' },
      ],
      missing: [],
    },
  ];
  it.each(cases)('$name', ({ warnings, acks, missing }) => {
    const out = checkAcknowledgements(warnings, acks);
    expect(out.map((f) => f.params?.warningCode)).toEqual(missing);
    // each refusal names the warning it is about, not a code shared by all
    expect(out.every((f) => f.code === f.params?.warningCode && f.severity === 'error')).toBe(true);
  });

  it('repeats the warning in the message', () => {
    expect(
      checkAcknowledgements([warning('NOT_LEADER', 'Huyện Cẩm Giàng không dẫn đầu.')], []),
    ).toEqual([
      {
        code: 'NOT_LEADER',
        severity: 'error',
        message: 'Cảnh báo chưa được xác nhận kèm lý do: Huyện Cẩm Giàng không dẫn đầu.',
        field: 'acknowledgements',
        params: { warningCode: 'NOT_LEADER' },
      },
    ]);
  });
});

describe('mergeAcknowledgements', () => {
  it('keeps an earlier acknowledgement, lets a later reason replace it, ignores blank reasons', () => {
    expect(
      mergeAcknowledgements(
        [
          { code: 'COUNT_INVALID_SHARE_HIGH', reason: 'Phiếu gạch xóa' },
          { code: 'NOT_LEADER', reason: 'a' },
        ],
        [
          { code: 'NOT_LEADER', reason: 'b' },
          { code: 'OTHER', reason: ' ' },
        ],
      ),
    ).toEqual([
      { code: 'COUNT_INVALID_SHARE_HIGH', reason: 'Phiếu gạch xóa' },
      { code: 'NOT_LEADER', reason: 'b' },
    ]);
  });
});
