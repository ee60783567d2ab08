import { createHash } from 'node:crypto';
import type { BlocImportReportDto, UnitImportReportDto } from '../../onboarding/dto/onboarding.dto';
import type { UploadedTable } from '../../onboarding/import-file';
import type { RolloverService } from '../../onboarding/rollover.service';
import type { ProvinceDto } from '../../registry/provinces/dto/province.dto';
import { emptyForm, type FormState } from '../core/forms';
import { provinceOptions } from '../core/province-options';

/** Page models of "Nhập dữ liệu tỉnh" (pure shaping of the onboarding services' answers). */

export type ImportKind = 'units' | 'blocs';

const KIND_LABELS: Record<ImportKind, string> = { units: 'đơn vị', blocs: 'khối, cụm thi đua' };
const ACTION_LABELS = { INSERT: 'thêm mới', UPDATE: 'cập nhật', UNCHANGED: 'giữ nguyên' } as const;
const OUTCOME_LABELS = {
  CREATE: 'sẽ tạo',
  EXISTS: 'đã có, giữ nguyên',
  NO_TERM: 'không có năm này',
  REFUSED: 'không tạo',
} as const;

/** The start page: the province picked (with the provinces it continues) and last year to roll over. */
export function homeModel(all: ProvinceDto[], provinceId: number | null, form: FormState | null) {
  const province = all.find((p) => p.id === provinceId) ?? null;
  return {
    options: provinceOptions(all),
    province,
    predecessors: province
      ? all.filter((p) => province.predecessorIds.includes(p.id)).map((p) => p.fullName)
      : [],
    year: new Date().getFullYear() - 1,
    form,
  };
}

/** The preview of a units or blocs file: one line per row (units) or per bloc-year (blocs). */
export function importPreviewModel(
  kind: ImportKind,
  provinceId: number,
  report: UnitImportReportDto | BlocImportReportDto,
  file: UploadedTable,
  message: string | null,
) {
  const rows =
    kind === 'units'
      ? (report as UnitImportReportDto).rows.map((r) => ({
          rowNumbers: String(r.rowNumber),
          code: r.code,
          action: r.action ? ACTION_LABELS[r.action] : 'bị từ chối',
          detail: r.newLinks > 0 ? `${r.newLinks} liên kết kế thừa mới` : '',
          errors: r.errors,
        }))
      : [
          ...(report as BlocImportReportDto).rowErrors.map((e) => ({
            rowNumbers: '',
            code: '',
            action: 'bị từ chối',
            detail: '',
            errors: [e],
          })),
          ...(report as BlocImportReportDto).terms.map((t) => ({
            rowNumbers: `${t.rowNumbers[0]}–${t.rowNumbers[t.rowNumbers.length - 1]}`,
            code: `${t.blocCode} năm ${t.year}`,
            action: t.action ? ACTION_LABELS[t.action] : 'bị từ chối',
            detail:
              `${t.memberCount} đơn vị` +
              (t.headUnitCode ? `; trưởng: ${t.headUnitCode}` : '') +
              (t.deputyUnitCode ? `; phó: ${t.deputyUnitCode}` : ''),
            errors: t.errors,
          })),
        ];
  return {
    title: `Xem trước: nhập ${KIND_LABELS[kind]}`,
    model: {
      kind,
      kindLabel: KIND_LABELS[kind],
      provinceId,
      report,
      rows,
      refused: rows.filter((r) => r.errors.length > 0).length,
      fileName: file.originalname,
      sha256: createHash('sha256').update(file.buffer).digest('hex'),
      sheet: file.buffer.toString('base64'),
      form: message ? { ...emptyForm(), message } : null,
    },
  };
}

/** The year rollover's preview: what each bloc's next year will be. */
export function rolloverPreviewModel(
  provinceId: number,
  report: Awaited<ReturnType<RolloverService['preview']>>,
  message: string | null,
) {
  return {
    title: `Xem trước: chuyển năm ${report.fromYear} sang năm ${report.toYear}`,
    model: {
      provinceId,
      report,
      blocs: report.blocs.map((b) => ({ ...b, outcomeLabel: OUTCOME_LABELS[b.outcome] })),
      form: message ? { ...emptyForm(), message } : null,
    },
  };
}
