import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** Whether poppler's pdftotext is installed (.ci/run installs poppler-utils; CI requires it). */
export const hasPdftotext = (() => {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

function tempFile(buf: Buffer, name: string): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'pdf-')), name);
  fs.writeFileSync(file, buf);
  return file;
}

/** The printed pages of a PDF as `pdftotext -layout` lays them out (lines as on paper). */
export function pdfLayoutPages(buf: Buffer): string[] {
  const text = execFileSync('pdftotext', ['-layout', tempFile(buf, 'x.pdf'), '-']).toString('utf8');
  return text.split('\f').filter((p, i, all) => i < all.length - 1 || p.trim() !== '');
}

/** The PDF's document information (pdfinfo): Title, Subject, Keywords … */
export function pdfInfo(buf: Buffer): Record<string, string> {
  const out = execFileSync('pdfinfo', [tempFile(buf, 'x.pdf')]).toString('utf8');
  return Object.fromEntries(
    out
      .split('\n')
      .map((l) => /^([A-Za-z ]+):\s*(.*)$/.exec(l))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => [m[1]!.trim(), m[2]!.trim()]),
  );
}

/** How often `needle` occurs in `text`. */
export const occurrences = (text: string, needle: string): number => text.split(needle).length - 1;
