import {
  buildMinutesViewModel,
  buildProposalViewModel,
  buildResolutionViewModel,
  buildScoreTableViewModel,
  buildVoteCountViewModel,
  countingCommitteeSignatures,
} from './builders';
import { buildDraftDecisionViewModel, type ProvinceDocSource } from './province-builders';
import type { MeetingDocSource } from './source';

function source(overrides: Partial<MeetingDocSource> = {}): MeetingDocSource {
  return {
    parentBody: 'UBND TỈNH HẢI DƯƠNG',
    issuer: 'KHỐI THI ĐUA CÁC HUYỆN, THỊ XÃ, THÀNH PHỐ',
    issuerSymbol: 'KTĐ',
    place: 'Hải Dương',
    provinceChairman: 'Chủ tịch Ủy ban nhân dân tỉnh Hải Dương',
    blocName: 'Khối thi đua các huyện, thị xã, thành phố',
    year: 2023,
    meeting: {
      date: '2024-03-28',
      startTime: '08:00',
      endTime: '11:30',
      place: 'Hội trường',
      chairName: 'Trần Văn Quân',
      chairTitle: null,
      secretaryName: 'Phạm Thị Thu Hà',
      committee: [
        { name: 'Vũ Thị Lan Anh', role: 'Thành viên' },
        { name: 'Nguyễn Đức Thịnh', role: 'Trưởng ban' },
        { name: 'Đỗ Văn Hưng', role: 'Thành viên' },
        { name: 'Lê Thị Mai', role: 'Thành viên' },
      ],
      guests: [],
      agenda: [],
      rehearsal: false,
      versionNo: 1,
      correctionReason: null,
    },
    attendance: [
      { unitName: 'huyện Cẩm Giàng', present: true, delegate: null, absenceReason: null },
    ],
    quorumText: null,
    ranking: [],
    ballots: [],
    proposals: [
      {
        tierName: 'Cờ thi đua của Ủy ban nhân dân tỉnh',
        decider: 'Chủ tịch Ủy ban nhân dân tỉnh Hải Dương',
        collectiveNames: ['Đảng bộ, chính quyền và nhân dân huyện Cẩm Giàng'],
      },
    ],
    nextHead: null,
    nextDeputy: null,
    numbers: { MINUTES: 1, VOTE_COUNT: 2, PROPOSAL: 3, RESOLUTION: 4, SCORE_TABLE: 5 },
    ...overrides,
  };
}

describe('document view models', () => {
  it('gives every member of the counting committee a signature slot, the head on the first row', () => {
    const rows = buildVoteCountViewModel(source(), 'x', 't').signatures;
    const slots = rows.flatMap((r) => [r.left, r.right]).filter((s) => s !== null);
    expect(slots.map((s) => s.name).sort()).toEqual(
      ['Vũ Thị Lan Anh', 'Nguyễn Đức Thịnh', 'Đỗ Văn Hưng', 'Lê Thị Mai'].sort(),
    );
    expect(rows[0]?.right).toMatchObject({
      position: 'TRƯỞNG BAN KIỂM PHIẾU',
      name: 'Nguyễn Đức Thịnh',
    });
    expect(countingCommitteeSignatures([])).toEqual([
      { left: null, right: { authority: null, position: 'TRƯỞNG BAN KIỂM PHIẾU', name: '' } },
    ]);
  });

  it('says "bỏ phiếu kín bằng hình thức điện tử" with the codes, and annexes the receipts (issue 18)', () => {
    const ballot = {
      tierName: 'Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh',
      roundNo: 1,
      secret: true,
      ruleText: 'quá 50 % số thành viên có mặt',
      seats: 1,
      counts: { entitled: 12, issued: 12, returned: 2, valid: 2, invalid: 0 },
      lines: [
        {
          unitName: 'huyện Gia Lộc',
          collectiveName: 'x',
          agree: 1,
          disagree: 1,
          noOpinion: 0,
          percentText: '50,0 %',
          explanation: 'x',
          passed: false,
          elected: false,
        },
      ],
      minutes: 'Kết quả.',
    };
    const paper = buildVoteCountViewModel(source({ ballots: [ballot] }), 'x', 't');
    expect(JSON.stringify(paper.blocks)).not.toContain('điện tử');
    const vm = buildVoteCountViewModel(
      source({
        ballots: [
          {
            ...ballot,
            electronic: {
              codesIssued: 13,
              codesUsed: 2,
              codesVoided: 1,
              wrongAttempts: 4,
              receipts: [
                { receipt: '0AB1-CD2E', choices: ['Tán thành'] },
                { receipt: 'ZZ12-3456', choices: ['Không tán thành'] },
              ],
            },
          },
        ],
      }),
      'x',
      't',
    );
    const text = JSON.stringify(vm.blocks);
    expect(text).toContain(
      'Hình thức: bỏ phiếu kín bằng hình thức điện tử; số mã bỏ phiếu đã cấp: 13; đã dùng: 2; đã hủy (phiếu mã báo mất): 1; số lần nhập mã sai: 4',
    );
    const annex = vm.blocks.find((b) => b.type === 'table' && b.header[0] === 'Mã biên nhận');
    expect(annex).toMatchObject({
      header: ['Mã biên nhận', 'huyện Gia Lộc'],
      rows: [
        ['0AB1-CD2E', 'Tán thành'],
        ['ZZ12-3456', 'Không tán thành'],
      ],
    });
    // the annex is not the last block: a long table is never bound to the signatures
    expect(vm.blocks[vm.blocks.length - 1]!.type).toBe('paragraph');
  });

  it('centres "QUYẾT NGHỊ:" and leads each article with its bold number', () => {
    const vm = buildResolutionViewModel(source(), 'x', 't');
    expect(vm.blocks).toContainEqual({ type: 'heading', text: 'QUYẾT NGHỊ:', center: true });
    const articles = vm.blocks.flatMap((b) => (b.type === 'paragraph' && b.lead ? [b.lead] : []));
    expect(articles).toEqual(['Điều 1.', 'Điều 2.']);
    expect(vm.blocks.some((b) => b.type === 'paragraph' && b.text.startsWith('Điều'))).toBe(false);
  });

  it('keeps the hash off the page: in the integrity record only', () => {
    const vm = buildResolutionViewModel(source(), 'abc123', 'nd30-x');
    expect(vm.integrity).toEqual({
      sha256: 'abc123',
      templateVersion: 'nd30-x',
      text: 'Mã dữ liệu (SHA-256): abc123 · mẫu nd30-x',
    });
    expect(JSON.stringify(vm.blocks)).not.toContain('abc123');
  });

  it('prints group subtotals, bonus and penalty in the score table, numbers right-aligned', () => {
    const vm = buildScoreTableViewModel(
      source({
        scoreGroups: [
          { code: 'I', title: 'Kinh tế', maxText: '400' },
          { code: 'II', title: 'Xã hội', maxText: '200' },
        ],
        ranking: [
          {
            position: 1,
            unitName: 'huyện Cẩm Giàng',
            totalText: '575,5',
            detail: { groups: ['384', '184,5'], criteria: '568,5', bonus: '10', penalty: '3' },
          },
        ],
      }),
      'x',
      't',
    );
    const table = vm.blocks.find((b) => b.type === 'table');
    expect(table).toMatchObject({
      header: [
        'Hạng',
        'Đơn vị',
        'I',
        'II',
        'Cộng tiêu chí',
        'Điểm thưởng',
        'Điểm trừ',
        'Tổng điểm',
      ],
      rows: [['1', 'huyện Cẩm Giàng', '384', '184,5', '568,5', '10', '3', '575,5']],
      align: ['center', 'left', 'right', 'right', 'right', 'right', 'right', 'right'],
    });
    if (table?.type === 'table') expect(table.widths.reduce((a, b) => a + b, 0)).toBeCloseTo(100);
  });
});

describe('yearly classification in the documents', () => {
  const ranked = (classification: { label: string; basisText: string } | null | undefined) =>
    source({
      ranking: [
        {
          position: 1,
          unitName: 'huyện Cẩm Giàng',
          totalText: '955',
          ...(classification === undefined ? {} : { classification }),
        },
      ],
      classificationScheme: { method: 'VOTED', basis: 'Quy chế hoạt động của Khối' },
      proposals: [
        {
          tierName: 'Cờ thi đua của Ủy ban nhân dân tỉnh',
          decider: 'Chủ tịch Ủy ban nhân dân tỉnh Hải Dương',
          collectiveNames: ['Đảng bộ, chính quyền và nhân dân huyện Cẩm Giàng'],
          ...(classification ? { classifications: [classification.label] } : {}),
        },
      ],
    });
  const level = { label: 'Hoàn thành xuất sắc nhiệm vụ', basisText: 'Hội nghị biểu quyết: 12/12' };
  const rankingTable = (vm: { blocks: readonly { type: string; header?: readonly string[] }[] }) =>
    vm.blocks.find((b) => b.type === 'table' && b.header?.[0] === 'Xếp hạng');
  const texts = (vm: { blocks: readonly { type: string; text?: string }[] }) =>
    vm.blocks.flatMap((b) => (b.type === 'paragraph' && b.text ? [b.text] : []));

  it('adds the level to the minutes ranking, the level and its basis to the score table, and the levels to the proposal', () => {
    const minutes = buildMinutesViewModel(ranked(level), 'x', 't');
    expect(rankingTable(minutes)).toMatchObject({
      header: ['Xếp hạng', 'Đơn vị', 'Tổng điểm', 'Xếp loại thi đua'],
      rows: [['1', 'huyện Cẩm Giàng', '955', 'Hoàn thành xuất sắc nhiệm vụ']],
    });
    expect(texts(minutes)).toContain(
      'Xếp loại thi đua năm 2023 do hội nghị khối biểu quyết; căn cứ: Quy chế hoạt động của Khối.',
    );
    const table = buildScoreTableViewModel(ranked(level), 'x', 't').blocks.filter(
      (b) => b.type === 'table',
    )[1];
    expect(table).toMatchObject({
      rows: [
        ['1', 'huyện Cẩm Giàng', 'Hoàn thành xuất sắc nhiệm vụ', 'Hội nghị biểu quyết: 12/12'],
      ],
    });
    expect(texts(buildProposalViewModel(ranked(level), 'x', 't'))).toContain(
      'Xếp loại thi đua năm 2023 của các tập thể được đề nghị: Đảng bộ, chính quyền và nhân dân huyện Cẩm Giàng: Hoàn thành xuất sắc nhiệm vụ.',
    );
  });

  it('prints no classification for a snapshot taken before it was recorded', () => {
    const minutes = buildMinutesViewModel(ranked(undefined), 'x', 't');
    expect(rankingTable(minutes)).toMatchObject({
      header: ['Xếp hạng', 'Đơn vị', 'Tổng điểm'],
    });
    expect(
      buildScoreTableViewModel(ranked(undefined), 'x', 't').blocks.filter(
        (b) => b.type === 'table',
      ),
    ).toHaveLength(1);
    expect(texts(buildProposalViewModel(ranked(undefined), 'x', 't')).join(' ')).not.toContain(
      'Xếp loại',
    );
  });
});

describe('the draft decision of the province', () => {
  const province: ProvinceDocSource = {
    provinceName: 'Hải Dương',
    provinceFullName: 'tỉnh Hải Dương',
    year: 2023,
    date: '2024-04-10',
    legalBases: ['Luật Thi đua, khen thưởng số 06/2022/QH15', 'Nghị định số 98/2023/NĐ-CP'],
    tiers: [
      {
        tierName: 'Cờ thi đua của Chính phủ',
        decider: 'Thủ tướng Chính phủ',
        capText: null,
        items: [
          {
            collectiveName: 'TP',
            blocName: 'K',
            statusLabel: '',
            councilText: null,
            selected: true,
          },
        ],
      },
      {
        tierName: 'Cờ thi đua của Ủy ban nhân dân tỉnh',
        decider: 'Chủ tịch Ủy ban nhân dân tỉnh Hải Dương',
        capText: null,
        items: [
          {
            collectiveName: 'CG',
            blocName: 'K',
            statusLabel: '',
            councilText: null,
            selected: true,
          },
          {
            collectiveName: 'NG',
            blocName: 'K',
            statusLabel: '',
            councilText: null,
            selected: false,
          },
        ],
      },
      {
        tierName: 'Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh',
        decider: 'Chủ tịch Ủy ban nhân dân tỉnh Hải Dương',
        capText: null,
        items: [
          {
            collectiveName: 'GL',
            blocName: 'K',
            statusLabel: '',
            councilText: null,
            selected: true,
          },
          {
            collectiveName: 'KT',
            blocName: 'K',
            statusLabel: '',
            councilText: null,
            selected: true,
          },
        ],
      },
    ],
  };

  it("is issued by the province's People's Committee, one article per award the Chairman decides", () => {
    const vm = buildDraftDecisionViewModel(province, 'x', 't');
    expect(vm.header).toMatchObject({
      parentBody: '',
      issuer: 'ỦY BAN NHÂN DÂN TỈNH HẢI DƯƠNG',
      numberText: 'Số: …/QĐ-UBND',
    });
    const articles = vm.blocks.flatMap((b) =>
      b.type === 'paragraph' && b.lead ? [`${b.lead} ${b.text}`] : [],
    );
    expect(articles[0]).toContain('Điều 1. Tặng Cờ thi đua của Ủy ban nhân dân tỉnh cho 1 tập thể');
    expect(articles[0]).toMatch(/: CG\.$/);
    expect(articles[1]).toMatch(/^Điều 2\. Tặng Bằng khen .*: GL và KT\.$/);
    expect(articles[2]).toMatch(/^Điều 3\. .*có tên tại Điều 1 đến Điều 2 chịu trách nhiệm/);
    expect(JSON.stringify(vm.blocks)).not.toContain('Cờ thi đua của Chính phủ');
    expect(vm.recipients[0]).toBe('- Như Điều 3;');
    expect(
      vm.blocks.filter((b) => b.type === 'paragraph' && b.text.startsWith('Căn cứ')),
    ).toHaveLength(2);
  });
});
