import type ExcelJS from 'exceljs';

let loaded: typeof ExcelJS | null = null;

/**
 * exceljs, loaded at its first use: requiring it costs about half a second of start-up, and only
 * score-sheet and awards-file imports and exports need it.
 */
export function excel(): typeof ExcelJS {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  loaded ??= require('exceljs') as typeof ExcelJS;
  return loaded;
}
