import { createHash } from 'node:crypto';
import type { ImportReportDto, ImportTotalDto } from '../../scoring/dto/scoring.dto';
import type { ScoreStageCode } from '../../scoring/score-entry.entity';
import { emptyForm, field } from '../core/forms';
import { STAGE_LABELS } from './score-items';

/**
 * The lines of a submitted score sheet that differ from what is stored (`stored`: the page's
 * inputs as shown), as `EnterScoresDto`'s lines; an emptied value is sent as null.
 */
export function changedLines(
  v: Record<string, string>,
  sheet: { codes: readonly string[]; stored: Record<string, string> },
): Record<string, unknown>[] {
  const lines: Record<string, unknown>[] = [];
  for (const code of sheet.codes) {
    const name = `lines.${code}`;
    const typed = v[`${name}.value`];
    if (typed === undefined) continue;
    const reason = (v[`${name}.reason`] ?? '').trim();
    const storedValue = sheet.stored[`${name}.value`] ?? '';
    const storedReason = sheet.stored[`${name}.reason`] ?? '';
    if (typed.trim() === storedValue && reason === storedReason) continue;
    if (typed.trim() === '' && storedValue === '') continue;
    lines.push({
      code,
      value: typed.trim() === '' ? null : field.decimal(typed),
      ...(reason ? { reason } : {}),
      ...(field.text(v[`${name}.version`]) ? { version: field.int(v[`${name}.version`]) } : {}),
    });
  }
  return lines;
}

/**
 * Where a refusal of a score sheet shows: DTO errors name the line by its index in the request
 * (`sent`: the codes sent, in order), the service by its code; both land on the line's input.
 */
export function sheetFieldName(
  sent: readonly string[],
  all: readonly string[],
): (f: string) => string {
  return (f) => {
    const byIndex = /^lines\.(\d+)(\..*)?$/.exec(f);
    if (byIndex && sent[Number(byIndex[1])] !== undefined)
      return `lines.${sent[Number(byIndex[1])]}${byIndex[2] ?? '.value'}`;
    for (const c of all) {
      if (f === c || f === `lines.${c}` || f === `lines.${c}.code`) return `lines.${c}.value`;
      if (f.startsWith(`lines.${c}.`)) return f;
    }
    return f;
  };
}

/** The import preview page: what the file would change, the refused rows, the file to confirm. */
export function importPreviewModel(
  base: string,
  stage: ScoreStageCode,
  report: ImportReportDto,
  buffer: Buffer,
  fileName: string,
  message: string | null,
) {
  const rows = report.rows.map((r) => ({
    ...r,
    hasErrors: r.errors.length > 0,
    totalBeforeText: totalText(r.totalBefore),
    totalAfterText: totalText(r.totalAfter),
  }));
  const changed = rows.filter((r) => r.changes > 0 && !r.hasErrors);
  const refused = rows.filter((r) => r.hasErrors);
  const valueRows = rows.map((r) => {
    const byCode = new Map(r.values.map((v) => [v.code, v.valueText]));
    return {
      ...r,
      cells: report.items.map((i) => ({ code: i.code, text: byCode.get(i.code) ?? '' })),
    };
  });
  return {
    base,
    stage,
    stageLabel: STAGE_LABELS[stage],
    report,
    changed,
    refused,
    valueRows,
    fileName,
    sha256: createHash('sha256').update(buffer).digest('hex'),
    sheet: buffer.toString('base64'),
    form: { ...emptyForm(), message, code: message ? 'SHEET_REJECTED' : null },
  };
}

/** A unit's total as the preview shows it, or why there is none yet. */
function totalText(t: ImportTotalDto | null): string {
  if (!t) return '';
  if (t.grandTotalText !== null) return t.grandTotalText;
  return t.missingCriteria.length > 0
    ? `chưa đủ điểm (thiếu ${t.missingCriteria.join(', ')})`
    : 'chưa tính được';
}
