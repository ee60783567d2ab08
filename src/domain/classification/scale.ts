import type { Finding } from '../common/result';
import { formatPoints, isCentipoints, type Centipoints } from '../scoring/points';

/**
 * How a term's yearly classification (xếp loại thi đua) is decided: DERIVED from each unit's agreed
 * total with the term's thresholds, or VOTED by the bloc meeting.
 */
export const CLASSIFICATION_METHODS = ['DERIVED', 'VOTED'] as const;
export type ClassificationMethod = (typeof CLASSIFICATION_METHODS)[number];

export const CLASSIFICATION_METHOD_LABELS: Readonly<Record<ClassificationMethod, string>> = {
  DERIVED: 'xác định theo tổng điểm thống nhất và ngưỡng điểm',
  VOTED: 'do hội nghị khối/cụm biểu quyết',
};

/** One level of the bloc's scale, best first (rank 1), e.g. "Hoàn thành xuất sắc nhiệm vụ". */
export interface ClassificationLevel {
  /** 1 = the best level; consecutive. */
  readonly rank: number;
  readonly label: string;
  /**
   * DERIVED only: the least agreed total (centipoints) that reaches this level; null for the lowest
   * level, which takes every total below the one above. Always null under VOTED.
   */
  readonly minTotal: Centipoints | null;
}

/** A term's classification scale as the bloc configured it. */
export interface ClassificationScale {
  readonly method: ClassificationMethod;
  readonly levels: readonly ClassificationLevel[];
}

export const MAX_CLASSIFICATION_LEVELS = 10;

function finding(code: string, message: string, field: string): Finding {
  return { code, severity: 'error', message, field };
}

/**
 * Checks a scale: 2 to 10 levels ranked 1..n with distinct labels; under DERIVED every level but the
 * lowest has a threshold, strictly decreasing from the best level down, and the lowest has none.
 */
export function checkScale(scale: ClassificationScale): Finding[] {
  const out: Finding[] = [];
  const { levels } = scale;
  if (levels.length < 2 || levels.length > MAX_CLASSIFICATION_LEVELS) {
    out.push(
      finding(
        'CLASSIFICATION_LEVEL_COUNT',
        `Thang xếp loại phải có từ 2 đến ${MAX_CLASSIFICATION_LEVELS} mức.`,
        'levels',
      ),
    );
    return out;
  }
  const seen = new Set<string>();
  levels.forEach((level, i) => {
    const field = `levels.${i}`;
    if (level.rank !== i + 1) {
      out.push(
        finding(
          'CLASSIFICATION_LEVEL_ORDER',
          'Các mức xếp loại phải được đánh số liên tục từ 1 (mức cao nhất).',
          `${field}.rank`,
        ),
      );
    }
    const label = level.label.trim();
    if (label === '' || seen.has(label.toLowerCase())) {
      out.push(
        finding(
          'CLASSIFICATION_LABEL_DUPLICATE',
          `Tên mức xếp loại "${label}" bị trống hoặc trùng với mức khác.`,
          `${field}.label`,
        ),
      );
    }
    seen.add(label.toLowerCase());
    const last = i === levels.length - 1;
    if (scale.method === 'VOTED' || last) {
      if (level.minTotal !== null) {
        out.push(
          finding(
            'CLASSIFICATION_THRESHOLD_NOT_ALLOWED',
            scale.method === 'VOTED'
              ? 'Xếp loại do hội nghị biểu quyết không dùng ngưỡng điểm.'
              : `Mức thấp nhất "${label}" không có ngưỡng điểm: nhận mọi tổng điểm dưới mức trên.`,
            `${field}.minPoints`,
          ),
        );
      }
      return;
    }
    if (level.minTotal === null || !isCentipoints(level.minTotal) || level.minTotal < 0) {
      out.push(
        finding(
          'CLASSIFICATION_THRESHOLD_MISSING',
          `Mức "${label}" cần một ngưỡng điểm không âm, tối đa hai chữ số thập phân.`,
          `${field}.minPoints`,
        ),
      );
      return;
    }
    const above = i > 0 ? levels[i - 1]!.minTotal : null;
    if (above !== null && level.minTotal >= above) {
      out.push(
        finding(
          'CLASSIFICATION_THRESHOLD_ORDER',
          `Ngưỡng của mức "${label}" (${formatPoints(level.minTotal)} điểm) phải thấp hơn ngưỡng của mức trên (${formatPoints(above)} điểm).`,
          `${field}.minPoints`,
        ),
      );
    }
  });
  return out;
}

/** The level of a rank in a scale, or undefined. */
export function levelOfRank(
  scale: ClassificationScale,
  rank: number,
): ClassificationLevel | undefined {
  return scale.levels.find((l) => l.rank === rank);
}
