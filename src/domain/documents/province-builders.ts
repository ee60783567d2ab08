import { dateLine, joinVi } from './format';
import type { DocumentViewModel } from './view-model';

/** The provincial stage of a year, as the council and the Chairman see it (brief §1.3, R18). */
export interface ProvinceDocSource {
  provinceName: string;
  provinceFullName: string;
  year: number;
  date: string;
  tiers: {
    tierName: string;
    decider: string;
    capText: string | null;
    items: {
      collectiveName: string;
      blocName: string;
      statusLabel: string;
      councilText: string | null;
      selected: boolean;
    }[];
  }[];
}

function header(s: ProvinceDocSource, issuer: string) {
  return {
    parentBody: `UBND ${s.provinceFullName.toUpperCase()}`,
    issuer,
    numberText: 'Số: …',
    nationalTitle: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    motto: 'Độc lập - Tự do - Hạnh phúc',
    dateLine: dateLine(s.provinceName, s.date),
  };
}

/** Danh sách đề nghị trình Hội đồng Thi đua - Khen thưởng tỉnh: every bloc's proposals per tier, with the caps. */
export function buildCouncilListViewModel(
  s: ProvinceDocSource,
  sha: string,
  templateVersion: string,
): DocumentViewModel {
  return {
    kind: 'MINUTES',
    rehearsal: false,
    header: header(s, 'HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG'),
    title: 'DANH SÁCH',
    subtitle: `Các tập thể được các khối, cụm thi đua đề nghị khen thưởng năm ${s.year}`,
    addressee: null,
    blocks: s.tiers.flatMap((t, i) => [
      {
        type: 'heading' as const,
        text: `${i + 1}. ${t.tierName}${t.capText ? ` (${t.capText})` : ''}`,
      },
      t.items.length
        ? {
            type: 'table' as const,
            header: ['TT', 'Tập thể', 'Khối, cụm thi đua', 'Trạng thái', 'Hội đồng'],
            rows: t.items.map((it, k) => [
              String(k + 1),
              it.collectiveName,
              it.blocName,
              it.statusLabel,
              it.councilText ?? '',
            ]),
            widths: [6, 38, 26, 16, 14],
          }
        : { type: 'paragraph' as const, text: 'Không có đề nghị.' },
    ]),
    signatures: {
      left: null,
      right: { authority: null, position: 'NGƯỜI LẬP DANH SÁCH', name: '' },
    },
    recipientsLabel: 'Nơi nhận:',
    recipients: ['- Thành viên Hội đồng;', '- Lưu: VT, Ban TĐKT.'],
    footer: `Mã dữ liệu (SHA-256): ${sha} · mẫu ${templateVersion} · bản dự thảo`,
    watermark: null,
  };
}

/** Dự thảo Quyết định khen thưởng of the Chairman for the nominations the council passed. */
export function buildDraftDecisionViewModel(
  s: ProvinceDocSource,
  sha: string,
  templateVersion: string,
): DocumentViewModel {
  const mine = s.tiers.filter(
    (t) => t.decider.startsWith('Chủ tịch') && t.items.some((i) => i.selected),
  );
  return {
    kind: 'RESOLUTION',
    rehearsal: false,
    header: header(s, 'CHỦ TỊCH ỦY BAN NHÂN DÂN'),
    title: 'QUYẾT ĐỊNH',
    subtitle: `Về việc tặng thưởng thành tích thi đua năm ${s.year} (dự thảo)`,
    addressee: null,
    blocks: [
      { type: 'heading', text: `CHỦ TỊCH ỦY BAN NHÂN DÂN ${s.provinceFullName.toUpperCase()}` },
      { type: 'paragraph', text: 'Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15;' },
      {
        type: 'paragraph',
        text: `Xét đề nghị của Hội đồng Thi đua - Khen thưởng ${s.provinceFullName},`,
      },
      { type: 'heading', text: 'QUYẾT ĐỊNH:' },
      ...mine.map((t, i) => ({
        type: 'paragraph' as const,
        text: `Điều ${i + 1}. Tặng ${t.tierName} cho: ${joinVi(t.items.filter((it) => it.selected).map((it) => it.collectiveName))}.`,
      })),
      {
        type: 'paragraph',
        text: `Điều ${mine.length + 1}. Quyết định này có hiệu lực kể từ ngày ký.`,
      },
    ],
    signatures: { left: null, right: { authority: null, position: 'CHỦ TỊCH', name: '' } },
    recipientsLabel: 'Nơi nhận:',
    recipients: ['- Như Điều ' + String(mine.length + 1) + ';', '- Lưu: VT, Ban TĐKT.'],
    footer: `Mã dữ liệu (SHA-256): ${sha} · mẫu ${templateVersion} · bản dự thảo`,
    watermark: 'DỰ THẢO',
  };
}
