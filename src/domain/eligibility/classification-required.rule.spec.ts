import { classificationRequiredRule as rule } from './classification-required.rule';
import { buildContext, buildTierRule, codes } from '../../../test/builders/eligibility';
import { evaluateNomination } from './evaluate-nomination';

const SCALE = [
  'Hoàn thành xuất sắc nhiệm vụ',
  'Hoàn thành tốt nhiệm vụ',
  'Hoàn thành nhiệm vụ',
  'Không hoàn thành nhiệm vụ',
];

describe('CLASSIFICATION_MISSING / CLASSIFICATION_TOO_LOW', () => {
  it('does not apply to a tier without the requirement', () => {
    expect(rule.fromTier(buildTierRule())).toBeNull();
    expect(rule.fromTier(buildTierRule({ requiredClassificationRank: null }))).toBeNull();
    expect(rule.fromTier(buildTierRule({ requiredClassificationRank: 2 }))).toEqual({ minRank: 2 });
  });

  it.each<[string, { rank: number; label: string } | null, number, string[]]>([
    ['missing', null, 1, ['CLASSIFICATION_MISSING']],
    [
      'too low for the best level only',
      { rank: 2, label: SCALE[1]! },
      1,
      ['CLASSIFICATION_TOO_LOW'],
    ],
    ['the best level', { rank: 1, label: SCALE[0]! }, 1, []],
    ['at the required level', { rank: 2, label: SCALE[1]! }, 2, []],
    ['below the required level', { rank: 3, label: SCALE[2]! }, 2, ['CLASSIFICATION_TOO_LOW']],
  ])('%s', (_name, level, minRank, expected) => {
    const context = buildContext({ classification: { level, scaleLabels: SCALE } });
    expect(codes(rule.evaluate(context, { minRank }))).toEqual(expected);
  });

  it('names the required level and the one recorded', () => {
    const context = buildContext({
      classification: { level: { rank: 2, label: SCALE[1]! }, scaleLabels: SCALE },
    });
    const [f] = rule.evaluate(context, { minRank: 1 });
    expect(f!.message).toContain('"Hoàn thành xuất sắc nhiệm vụ"');
    expect(f!.message).toContain('"Hoàn thành tốt nhiệm vụ"');
  });

  it('runs through evaluateNomination when the tier requires it, and counts a context without facts as missing', () => {
    const outcome = evaluateNomination(
      buildContext(),
      buildTierRule({ requiredClassificationRank: 1 }),
    );
    expect(outcome.checkedRules).toContain('CLASSIFICATION_MISSING');
    expect(codes(outcome.errors)).toContain('CLASSIFICATION_MISSING');
  });
});
