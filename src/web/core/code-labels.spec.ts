import { ELIGIBILITY_RULES } from '../../domain/eligibility';
import { CODE_LABELS, codeLabel } from './code-labels';

describe('Vietnamese names of codes', () => {
  it('names every eligibility rule and every finding it may report', () => {
    const codes = ELIGIBILITY_RULES.flatMap((r) => [r.code, ...r.findingCodes]);
    expect(codes.length).toBeGreaterThan(10);
    expect(codes.filter((c) => !CODE_LABELS[c])).toEqual([]);
  });

  it('never shows a code, even an unknown one', () => {
    expect(codeLabel('NOT_LEADER')).toBe('Đơn vị không dẫn đầu khối');
    expect(codeLabel('SOMETHING_NEW')).not.toMatch(/[A-Z]{3,}_/);
    for (const label of Object.values(CODE_LABELS)) expect(label).not.toMatch(/[A-Z]{3,}_/);
  });
});
