/**
 * The wording of the five documents of a bloc's meeting (minutes, vote-count minutes, proposal
 * letter, resolution, score table), from one locked snapshot to their view models. Over 400 lines on
 * purpose (issue 15 item 3): one concern, the documents' text, whose parts (header, signatures,
 * attendance, ballot tables, classification sentences) are shared between the documents and must
 * change together; the province's documents are in `province-builders.ts`.
 */
import { dateLine, numberText, shortDate, timeText } from './format';
import { proposalSentence } from '../registry/deciding-authority';

import { BLOC_WORDS, type BlocWords } from '../registry/organizing-body';

import type { MeetingDocSource } from './source';
import {
  DOC_TYPE_SYMBOL,
  type Block,
  type DocKind,
  type DocumentViewModel,
  type SignatureBlock,
  type SignatureRow,
} from './view-model';
import { joinVi } from '../common/text';

const NATIONAL_TITLE = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
const MOTTO = 'Độc lập - Tự do - Hạnh phúc';

function base(s: MeetingDocSource, kind: DocKind, snapshotSha256: string, templateVersion: string) {
  return {
    kind,
    rehearsal: s.meeting.rehearsal,
    header: {
      parentBody: s.parentBody,
      issuer: s.issuer,
      numberText: numberText(s.numbers[kind], `${DOC_TYPE_SYMBOL[kind]}-${s.issuerSymbol}`),
      nationalTitle: NATIONAL_TITLE,
      motto: MOTTO,
      dateLine: dateLine(s.place, s.meeting.date),
    },
    integrity: integrity(snapshotSha256, templateVersion, false),
    watermark: s.meeting.rehearsal ? 'BẢN THỬ' : null,
  };
}

/** The technical mark of a document: kept in the record and the file's metadata, never printed. */
export function integrity(sha256: string, templateVersion: string, draft: boolean) {
  return {
    sha256,
    templateVersion,
    text: `Mã dữ liệu (SHA-256): ${sha256} · mẫu ${templateVersion}${draft ? ' · bản dự thảo' : ''}`,
  };
}

/** Slots filled two per row, left then right. */
export function signatureRows(slots: readonly (SignatureBlock | null)[]): SignatureRow[] {
  const rows: SignatureRow[] = [];
  for (let i = 0; i < slots.length; i += 2)
    rows.push({ left: slots[i] ?? null, right: slots[i + 1] ?? null });
  return rows;
}

const presentCount = (s: MeetingDocSource) => s.attendance.filter((a) => a.present).length;

/** "Khối" or "Cụm" wording of the bloc (snapshots taken before the kind was kept are of a khối). */
const words = (s: MeetingDocSource): BlocWords => BLOC_WORDS[s.blocKind ?? 'KHOI'];

/** The office of the organising body kept informed (older snapshots: the provincial one). */
const office = (s: MeetingDocSource) => s.office ?? 'Ban Thi đua - Khen thưởng (Sở Nội vụ)';

const archive = (s: MeetingDocSource) => `- Lưu: ${words(s).noun}.`;

/** "Đề nghị <decider> tặng <tier> cho: …", or "Tặng …" in a letter addressed to the decider. */
function proposalLine(
  s: MeetingDocSource,
  p: MeetingDocSource['proposals'][number],
  addressed: boolean,
): string {
  return proposalSentence({
    decider: p.decider,
    verb: p.verb ?? 'tặng',
    tierName: p.tierName,
    names: joinVi(p.collectiveNames),
    addressee: addressed ? s.provinceChairman : null,
  });
}

function attendanceBlocks(s: MeetingDocSource): Block[] {
  const present = s.attendance.filter((a) => a.present);
  const absent = s.attendance.filter((a) => !a.present);
  const blocks: Block[] = [
    {
      type: 'paragraph',
      text: `Thành phần: đại diện ${present.length}/${s.attendance.length} đơn vị thành viên của ${s.blocName} có mặt${absent.length ? `; vắng mặt ${absent.length} đơn vị` : ''}.`,
    },
    {
      type: 'table',
      header: ['TT', 'Đơn vị thành viên', 'Có mặt', 'Đại biểu / lý do vắng'],
      rows: s.attendance.map((a, i) => [
        String(i + 1),
        a.unitName,
        a.present ? 'Có' : 'Vắng',
        a.present ? (a.delegate ?? '') : (a.absenceReason ?? ''),
      ]),
      widths: [8, 46, 12, 34],
      align: ['center', 'left', 'center', 'left'],
    },
  ];
  if (s.meeting.guests.length)
    blocks.push({ type: 'paragraph', text: `Khách mời: ${s.meeting.guests.join('; ')}.` });
  if (s.quorumText) blocks.push({ type: 'paragraph', text: `Số đơn vị dự họp: ${s.quorumText}` });
  return blocks;
}

function ballotTable(b: MeetingDocSource['ballots'][number]): Block {
  return {
    type: 'table',
    header: [
      'Đơn vị được bầu',
      'Tán thành',
      'Không tán thành',
      'Không có ý kiến',
      'Tỷ lệ',
      'Kết quả',
    ],
    rows: b.lines.map((l) => [
      l.unitName,
      String(l.agree),
      String(l.disagree),
      String(l.noOpinion),
      l.percentText,
      l.elected ? 'Đạt, được đề nghị' : l.passed ? 'Đạt, không đủ suất' : 'Không đạt',
    ]),
    widths: [30, 12, 14, 14, 12, 18],
    align: ['left', 'right', 'right', 'right', 'right', 'left'],
  };
}

/** How the ballot was held, in the minutes' words (issue 18: "bỏ phiếu kín bằng hình thức điện tử"). */
function methodText(b: MeetingDocSource['ballots'][number]): string {
  if (b.electronic) return 'bỏ phiếu kín bằng hình thức điện tử';
  return b.secret ? 'bỏ phiếu kín' : 'biểu quyết giơ tay';
}

/** The electronic ballot's codes for the vote-count minutes. */
function electronicItems(b: MeetingDocSource['ballots'][number]): string[] {
  const e = b.electronic;
  if (!e) return [];
  return [
    `Hình thức: ${methodText(b)}; số mã bỏ phiếu đã cấp: ${e.codesIssued}; đã dùng: ${e.codesUsed}; đã hủy (phiếu mã báo mất): ${e.codesVoided}; số lần nhập mã sai: ${e.wrongAttempts}`,
  ];
}

/** Annex of the vote-count minutes: every receipt with its ballot's choices, for anyone to recount. */
function receiptAnnex(s: MeetingDocSource): Block[] {
  const blocks: Block[] = [];
  s.ballots.forEach((b, i) => {
    if (!b.electronic) return;
    if (blocks.length === 0)
      blocks.push({ type: 'heading', text: 'PHỤ LỤC: DANH SÁCH MÃ BIÊN NHẬN PHIẾU ĐIỆN TỬ' });
    blocks.push({ type: 'paragraph', text: `${i + 1}. ${ballotTitle(b)}` });
    blocks.push({
      type: 'table',
      header: ['Mã biên nhận', ...b.lines.map((l) => l.unitName)],
      rows: b.electronic.receipts.map((r) => [r.receipt, ...r.choices]),
      widths: [20, ...b.lines.map(() => Math.floor(80 / Math.max(1, b.lines.length)))],
      align: ['left', ...b.lines.map(() => 'left' as const)],
    });
  });
  if (blocks.length > 0)
    blocks.push({
      type: 'paragraph',
      text: 'Danh sách mã biên nhận trên đây được công bố tại hội nghị sau khi kết thúc bỏ phiếu; mỗi đại biểu đối chiếu được phiếu của mình theo mã biên nhận.',
    });
  return blocks;
}

function ballotTitle(b: MeetingDocSource['ballots'][number]): string {
  return `${b.tierName}${b.roundNo > 1 ? ` (vòng ${b.roundNo})` : ''}`;
}

function chairSignature(s: MeetingDocSource): SignatureBlock {
  return { authority: null, position: 'CHỦ TRÌ HỘI NGHỊ', name: s.meeting.chairName };
}

/** Biên bản họp bình xét, suy tôn (ND 30 model 1.9; brief §4.4). */
export function buildMinutesViewModel(
  s: MeetingDocSource,
  snapshotSha256: string,
  templateVersion: string,
): DocumentViewModel {
  const m = s.meeting;
  const blocks: Block[] = [
    {
      type: 'paragraph',
      text: `Hôm nay, vào hồi ${timeText(m.startTime)}, ngày ${shortDate(m.date)}, tại ${m.place}, ${s.blocName} tổ chức hội nghị tổng kết, bình xét, suy tôn thi đua năm ${s.year}.`,
    },
    { type: 'heading', text: 'I. THÀNH PHẦN' },
    ...attendanceBlocks(s),
    {
      type: 'paragraph',
      text: `Chủ trì: ${m.chairName}${m.chairTitle ? `, ${m.chairTitle}` : ''}. Thư ký: ${m.secretaryName}.`,
    },
    { type: 'heading', text: 'II. NỘI DUNG' },
    {
      type: 'list',
      items: m.agenda.length ? m.agenda : ['Bình xét, suy tôn các đơn vị đề nghị khen thưởng.'],
    },
  ];
  if (s.ranking.length) {
    blocks.push({
      type: 'paragraph',
      text: `Kết quả chấm điểm, xếp hạng thi đua năm ${s.year} của ${words(s).noun}:`,
    });
    blocks.push(
      classified(s)
        ? {
            type: 'table',
            header: ['Xếp hạng', 'Đơn vị', 'Tổng điểm', 'Xếp loại thi đua'],
            rows: s.ranking.map((r) => [
              String(r.position),
              r.unitName,
              r.totalText,
              r.classification?.label ?? 'Chưa xếp loại',
            ]),
            widths: [12, 40, 16, 32],
            align: ['center', 'left', 'right', 'left'],
          }
        : {
            type: 'table',
            header: ['Xếp hạng', 'Đơn vị', 'Tổng điểm'],
            rows: s.ranking.map((r) => [String(r.position), r.unitName, r.totalText]),
            widths: [15, 60, 25],
            align: ['center', 'left', 'right'],
          },
    );
    const note = classificationNote(s);
    if (note) blocks.push({ type: 'paragraph', text: note });
  }
  blocks.push({ type: 'heading', text: 'III. KẾT QUẢ BÌNH XÉT, SUY TÔN' });
  for (const b of s.ballots) {
    blocks.push({
      type: 'paragraph',
      text: `${ballotTitle(b)} — ${methodText(b)}; nguyên tắc: ${b.ruleText}.`,
    });
    blocks.push(ballotTable(b));
    blocks.push({ type: 'paragraph', text: b.minutes });
  }
  blocks.push({ type: 'heading', text: 'IV. KẾT LUẬN' });
  blocks.push({
    type: 'list',
    items: s.proposals.map((p) => proposalLine(s, p, false)),
  });
  if (s.officerDecisions?.length) {
    for (const d of s.officerDecisions) blocks.push({ type: 'paragraph', text: d.text });
  } else if (s.nextHead || s.nextDeputy) {
    blocks.push({
      type: 'paragraph',
      text: `Hội nghị suy tôn ${s.nextHead ? `${s.nextHead} làm ${words(s).head}` : ''}${s.nextHead && s.nextDeputy ? ', ' : ''}${s.nextDeputy ? `${s.nextDeputy} làm ${words(s).deputy}` : ''} năm ${s.year + 1}.`,
    });
  }
  if (m.versionNo > 1 && m.correctionReason)
    blocks.push({
      type: 'paragraph',
      text: `Biên bản này đính chính bản trước (lần ${m.versionNo}); lý do: ${m.correctionReason}.`,
    });
  blocks.push({
    type: 'paragraph',
    text: `Biên bản kết thúc vào hồi ${timeText(m.endTime ?? m.startTime)} cùng ngày, đã được đọc lại và thông qua tại hội nghị.`,
  });
  return {
    ...base(s, 'MINUTES', snapshotSha256, templateVersion),
    title: 'BIÊN BẢN',
    subtitle: `Họp bình xét, suy tôn thi đua năm ${s.year} của ${s.blocName}`,
    addressee: null,
    blocks,
    signatures: [
      {
        left: { authority: null, position: 'THƯ KÝ', name: m.secretaryName },
        right: chairSignature(s),
      },
    ],
    recipientsLabel: 'Nơi nhận:',
    recipients: [`- ${office(s)};`, '- Các đơn vị thành viên;', archive(s)],
  };
}

/**
 * Every member of the counting committee signs the vote-count minutes: the head (Trưởng ban) on the
 * right of the first row, the members from the left, two per row.
 */
export function countingCommitteeSignatures(
  committee: readonly { name: string; role: string }[],
): SignatureRow[] {
  const head = committee.find((c) => c.role === 'Trưởng ban');
  const others = committee.filter((c) => c !== head);
  const headSlot: SignatureBlock = {
    authority: null,
    position: 'TRƯỞNG BAN KIỂM PHIẾU',
    name: head?.name ?? '',
  };
  const memberSlots = others.map((c): SignatureBlock => ({
    authority: null,
    position: c.role.toUpperCase(),
    name: c.name,
  }));
  const [first, ...rest] = memberSlots;
  return signatureRows([first ?? null, headSlot, ...rest]);
}

/** Biên bản kiểm phiếu (brief §4.4): counts, shares of the rule's denominator, thresholds, ties. */
export function buildVoteCountViewModel(
  s: MeetingDocSource,
  snapshotSha256: string,
  templateVersion: string,
): DocumentViewModel {
  const m = s.meeting;
  const committee = m.committee.map((c) => `${c.name} – ${c.role}`);
  const blocks: Block[] = [
    {
      type: 'paragraph',
      text: `Hôm nay, vào hồi ${timeText(m.startTime)}, ngày ${shortDate(m.date)}, tại ${m.place}, Ban kiểm phiếu hội nghị bình xét, suy tôn thi đua năm ${s.year} của ${s.blocName} gồm: ${committee.length ? joinVi(committee) : '(chưa ghi thành phần)'}.`,
    },
    {
      type: 'paragraph',
      text: `Số đơn vị thành viên: ${s.attendance.length}; có mặt: ${presentCount(s)}.`,
    },
  ];
  s.ballots.forEach((b, i) => {
    blocks.push({ type: 'heading', text: `${i + 1}. ${ballotTitle(b)}` });
    blocks.push({
      type: 'list',
      items: [
        `Số thành viên có quyền bỏ phiếu: ${b.counts.entitled}`,
        `Số phiếu phát ra: ${b.counts.issued}; số phiếu thu về: ${b.counts.returned}`,
        `Số phiếu hợp lệ: ${b.counts.valid}; số phiếu không hợp lệ: ${b.counts.invalid}`,
        `Số đơn vị được chọn: ${b.seats}; nguyên tắc: ${b.ruleText}`,
        ...electronicItems(b),
      ],
    });
    blocks.push(ballotTable(b));
    for (const l of b.lines)
      blocks.push({ type: 'paragraph', text: `${l.unitName}: ${l.explanation}` });
    blocks.push({ type: 'paragraph', text: b.minutes });
  });
  blocks.push(...receiptAnnex(s));
  return {
    ...base(s, 'VOTE_COUNT', snapshotSha256, templateVersion),
    title: 'BIÊN BẢN KIỂM PHIẾU',
    subtitle: `Bình xét, suy tôn thi đua năm ${s.year} của ${s.blocName}`,
    addressee: null,
    blocks,
    signatures: countingCommitteeSignatures(m.committee),
    recipientsLabel: 'Nơi nhận:',
    recipients: ['- Hội nghị;', archive(s)],
  };
}

/** Tờ trình đề nghị khen thưởng to the Chairman of the Provincial People's Committee (Mẫu 01, ND 98/2023). */
export function buildProposalViewModel(
  s: MeetingDocSource,
  snapshotSha256: string,
  templateVersion: string,
): DocumentViewModel {
  const blocks: Block[] = [
    {
      type: 'paragraph',
      text: `Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15 và kết quả bình xét, suy tôn tại hội nghị tổng kết công tác thi đua, khen thưởng năm ${s.year} của ${s.blocName} ngày ${shortDate(s.meeting.date)},`,
    },
    { type: 'paragraph', text: `${s.blocName} kính trình ${s.provinceChairman} xem xét:` },
  ];
  s.proposals.forEach((p, i) => {
    blocks.push({ type: 'paragraph', text: `${i + 1}. ${proposalLine(s, p, true)}` });
  });
  const levels = proposedClassifications(s);
  if (levels) blocks.push({ type: 'paragraph', text: levels });
  blocks.push({
    type: 'paragraph',
    text: 'Kèm theo: biên bản họp bình xét, biên bản kiểm phiếu và báo cáo thành tích của các tập thể.',
  });
  blocks.push({
    type: 'paragraph',
    text: `Kính trình ${s.provinceChairman} xem xét, quyết định./.`,
  });
  return {
    ...base(s, 'PROPOSAL', snapshotSha256, templateVersion),
    title: 'TỜ TRÌNH',
    subtitle: `Về việc đề nghị khen thưởng thành tích thi đua năm ${s.year}`,
    addressee: `Kính gửi: ${s.provinceChairman}`,
    blocks,
    signatures: [
      {
        left: null,
        right: {
          authority: `TM. ${s.issuer}`,
          position: words(s).head.toUpperCase(),
          name: s.meeting.chairName,
        },
      },
    ],
    recipientsLabel: 'Nơi nhận:',
    recipients: ['- Như trên;', `- ${office(s)};`, archive(s)],
  };
}

/** Nghị quyết hội nghị: the meeting's decisions, in numbered articles. */
export function buildResolutionViewModel(
  s: MeetingDocSource,
  snapshotSha256: string,
  templateVersion: string,
): DocumentViewModel {
  const blocks: Block[] = [
    {
      type: 'paragraph',
      text: `Hội nghị bình xét, suy tôn thi đua năm ${s.year} của ${s.blocName}, họp ngày ${shortDate(s.meeting.date)}, với ${presentCount(s)}/${s.attendance.length} đơn vị thành viên có mặt,`,
    },
    { type: 'heading', text: 'QUYẾT NGHỊ:', center: true },
  ];
  s.proposals.forEach((p, i) => {
    const line = proposalLine(s, p, false);
    blocks.push({
      type: 'paragraph',
      lead: `Điều ${i + 1}.`,
      text: `Thống nhất ${line.charAt(0).toLowerCase()}${line.slice(1)}`,
    });
  });
  let n = s.proposals.length;
  if (s.officerDecisions?.length) {
    n += 1;
    const members = s.attendance.length;
    blocks.push({
      type: 'paragraph',
      lead: `Điều ${n}.`,
      text: `${s.officerDecisions
        .map(
          (d, i) =>
            `${d.method === 'VOTE' ? (i === 0 ? 'Bầu' : 'bầu') : i === 0 ? 'Suy tôn' : 'suy tôn'} ${d.unitName} làm ${d.title} năm ${s.year + 1}${d.method === 'VOTE' && d.agree !== null ? ` (${d.agree}/${members} thành viên tán thành)` : ''}`,
        )
        .join('; ')}.`,
    });
  } else if (s.nextHead || s.nextDeputy) {
    n += 1;
    blocks.push({
      type: 'paragraph',
      lead: `Điều ${n}.`,
      text: `Suy tôn ${s.nextHead ?? '(chưa bầu)'} làm ${words(s).head}, ${s.nextDeputy ?? '(chưa bầu)'} làm ${words(s).deputy} năm ${s.year + 1}.`,
    });
  }
  blocks.push({
    type: 'paragraph',
    lead: `Điều ${n + 1}.`,
    text: `Các đơn vị thành viên của ${words(s).noun} chịu trách nhiệm thi hành Nghị quyết này./.`,
  });
  return {
    ...base(s, 'RESOLUTION', snapshotSha256, templateVersion),
    title: 'NGHỊ QUYẾT',
    subtitle: `Hội nghị bình xét, suy tôn thi đua năm ${s.year}`,
    addressee: null,
    blocks,
    signatures: [
      {
        left: null,
        right: { authority: 'TM. HỘI NGHỊ', position: 'CHỦ TRÌ', name: s.meeting.chairName },
      },
    ],
    recipientsLabel: 'Nơi nhận:',
    recipients: ['- Các đơn vị thành viên;', `- ${office(s)};`, archive(s)],
  };
}

/**
 * The score table: per unit the subtotal of each criteria group, the bonus and the penalty as
 * counted (after their caps) and the total, numbers right-aligned. Snapshots taken before the
 * groups were recorded print the totals only.
 */
function scoreTable(s: MeetingDocSource): Block {
  const groups = s.scoreGroups ?? [];
  const detailed = groups.length > 0 && s.ranking.every((r) => r.detail);
  if (!detailed)
    return {
      type: 'table',
      header: ['Xếp hạng', 'Đơn vị', 'Tổng điểm'],
      rows: s.ranking.map((r) => [String(r.position), r.unitName, r.totalText]),
      widths: [15, 60, 25],
      align: ['center', 'left', 'right'],
    };
  // Narrow numeric columns: the groups are headed by their codes, explained in the note.
  const groupWidth = 40 / groups.length;
  return {
    type: 'table',
    header: [
      'Hạng',
      'Đơn vị',
      ...groups.map((g) => g.code),
      'Cộng tiêu chí',
      'Điểm thưởng',
      'Điểm trừ',
      'Tổng điểm',
    ],
    rows: s.ranking.map((r) => [
      String(r.position),
      r.unitName,
      ...(r.detail?.groups ?? []),
      r.detail?.criteria ?? '',
      r.detail?.bonus ?? '',
      r.detail?.penalty ?? '',
      r.totalText,
    ]),
    widths: [7, 20, ...groups.map(() => groupWidth), 8.5, 9.5, 7, 8],
    align: [
      'center',
      'left',
      ...groups.map(() => 'right' as const),
      'right',
      'right',
      'right',
      'right',
    ],
    fontSize: 10,
    note: `Cột ${groups.map((g) => g.code).join(', ')}: điểm của từng nhóm tiêu chí — ${groups.map((g) => `${g.code}. ${g.title} (tối đa ${g.maxText} điểm)`).join('; ')}. Điểm thưởng, điểm trừ tính sau mức trần của bộ tiêu chí.`,
  };
}

/** Bảng tổng hợp điểm thi đua: the agreed totals and ranking of the bloc, as adopted at the meeting. */
export function buildScoreTableViewModel(
  s: MeetingDocSource,
  snapshotSha256: string,
  templateVersion: string,
): DocumentViewModel {
  return {
    ...base(s, 'SCORE_TABLE', snapshotSha256, templateVersion),
    title: 'BẢNG TỔNG HỢP ĐIỂM THI ĐUA',
    subtitle: `Năm ${s.year} của ${s.blocName}`,
    addressee: null,
    blocks: [
      {
        type: 'paragraph',
        text: `Kết quả chấm điểm thống nhất (thang điểm của bộ tiêu chí đã ký giao ước), xếp hạng theo tổng điểm và tiêu chí phân định khi bằng điểm:`,
      },
      scoreTable(s),
      {
        type: 'paragraph',
        text: s.ranking.length
          ? `Đơn vị dẫn đầu: ${s.ranking[0]?.unitName ?? ''}.`
          : 'Chưa có điểm thống nhất.',
      },
      ...classificationBlocks(s),
    ],
    signatures: [
      {
        left: { authority: null, position: 'NGƯỜI TỔNG HỢP', name: s.meeting.secretaryName },
        right: {
          authority: `TM. ${s.issuer}`,
          position: words(s).head.toUpperCase(),
          name: s.meeting.chairName,
        },
      },
    ],
    recipientsLabel: 'Nơi nhận:',
    recipients: ['- Các đơn vị thành viên;', archive(s)],
  };
}

/** Whether the snapshot records a yearly classification for any unit of the ranking. */
const classified = (s: MeetingDocSource): boolean =>
  s.ranking.some((r) => r.classification !== undefined && r.classification !== null);

/** "Xếp loại thi đua năm 2023 xác định theo …; căn cứ: …." (null when no scale was configured). */
function classificationNote(s: MeetingDocSource): string | null {
  const scheme = s.classificationScheme;
  if (!scheme || !classified(s)) return null;
  const how =
    scheme.method === 'DERIVED'
      ? 'xác định theo tổng điểm thống nhất và ngưỡng điểm'
      : `do hội nghị ${words(s).noun.toLowerCase()} biểu quyết`;
  return `Xếp loại thi đua năm ${s.year} ${how}; căn cứ: ${scheme.basis}.`;
}

/** The score table's classification section: each unit's level and its basis. */
function classificationBlocks(s: MeetingDocSource): Block[] {
  if (!classified(s)) return [];
  return [
    { type: 'paragraph', text: classificationNote(s) ?? `Xếp loại thi đua năm ${s.year}:` },
    {
      type: 'table',
      header: ['Hạng', 'Đơn vị', 'Xếp loại thi đua', 'Căn cứ xếp loại'],
      rows: s.ranking.map((r) => [
        String(r.position),
        r.unitName,
        r.classification?.label ?? 'Chưa xếp loại',
        r.classification?.basisText ?? '',
      ]),
      widths: [8, 30, 28, 34],
      align: ['center', 'left', 'left', 'left'],
    },
  ];
}

/** "Xếp loại thi đua năm 2023 của các tập thể được đề nghị: A: …; B: …." (null when none is recorded). */
function proposedClassifications(s: MeetingDocSource): string | null {
  const pairs = s.proposals.flatMap((p) =>
    p.collectiveNames.flatMap((name, i) => {
      const label = p.classifications?.[i];
      return label ? [`${name}: ${label}`] : [];
    }),
  );
  const unique = [...new Set(pairs)];
  if (unique.length === 0) return null;
  return `Xếp loại thi đua năm ${s.year} của các tập thể được đề nghị: ${unique.join('; ')}.`;
}

/** The builder of each document kind. */
export const DOCUMENT_BUILDERS: Readonly<
  Record<DocKind, (s: MeetingDocSource, sha: string, tpl: string) => DocumentViewModel>
> = {
  MINUTES: buildMinutesViewModel,
  VOTE_COUNT: buildVoteCountViewModel,
  PROPOSAL: buildProposalViewModel,
  RESOLUTION: buildResolutionViewModel,
  SCORE_TABLE: buildScoreTableViewModel,
};
