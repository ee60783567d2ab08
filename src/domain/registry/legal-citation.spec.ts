import { decisionGrounds, legalCitation } from './legal-citation';

const GOV_FLAG_2024 =
  'Luật Thi đua, khen thưởng số 06/2022/QH15; Nghị định số 98/2023/NĐ-CP; Công văn số 5007/BNV-TĐKT ngày 05/9/2023';

describe('legal citations of tier rules', () => {
  it('puts the article before the law it belongs to, never after an official letter', () => {
    const text = legalCitation(GOV_FLAG_2024, 'Điều 25');
    expect(text).toBe(
      'Điều 25 Luật Thi đua, khen thưởng số 06/2022/QH15; Nghị định số 98/2023/NĐ-CP; Công văn số 5007/BNV-TĐKT ngày 05/9/2023',
    );
    expect(text).not.toMatch(/5007\/BNV-TĐKT[^;]*Điều/);
  });

  it('cites the instruments alone when there is no article', () => {
    expect(legalCitation('Nghị định số 98/2023/NĐ-CP', null)).toBe('Nghị định số 98/2023/NĐ-CP');
  });

  it('grounds a decision on laws and decrees once each, without official letters', () => {
    expect(
      decisionGrounds([
        GOV_FLAG_2024,
        'Luật Thi đua, khen thưởng số 06/2022/QH15; Nghị định số 98/2023/NĐ-CP',
      ]),
    ).toEqual(['Luật Thi đua, khen thưởng số 06/2022/QH15', 'Nghị định số 98/2023/NĐ-CP']);
  });
});

describe('the seeded tier rules', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const seed = require('../../../seeds/haiduong-2023/award-tiers.json') as {
    tiers: { code: string; rules: { validFrom: string; legalDocument: string }[] }[];
  };

  it('cite no instrument issued after the rule comes into force (no 2025 text for a 2023 review)', () => {
    for (const tier of seed.tiers)
      for (const rule of tier.rules)
        for (const m of rule.legalDocument.matchAll(/\d+\/(\d{4})\//g))
          expect([
            tier.code,
            rule.validFrom,
            Number(m[1]) <= Number(rule.validFrom.slice(0, 4)),
          ]).toEqual([tier.code, rule.validFrom, true]);
  });
});
