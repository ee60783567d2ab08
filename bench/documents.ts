/* Warm rendering of every official document of a finalized meeting, in-process through DocumentsService. */
import type { INestApplicationContext } from '@nestjs/common';
import type { DocFormat } from '../src/documents/document.mapper';
import { DocumentsService } from '../src/documents/documents.service';
import { DOC_KINDS, type DocKind } from '../src/domain/documents/view-model';
import { median, msSince } from './stats';

export type DocTimings = Record<DocKind, Record<DocFormat, number>>;

const FORMATS: readonly DocFormat[] = ['html', 'pdf', 'docx'];

/**
 * Generates each document kind of the meeting (snapshot, number, hash: the real write path), then
 * renders it from its snapshot `warmup` times untimed and `runs` times timed; the median per format.
 */
export async function timeDocuments(
  app: INestApplicationContext,
  meetingId: number,
  warmup: number,
  runs: number,
): Promise<DocTimings> {
  const docs = app.get(DocumentsService);
  const out = {} as DocTimings;
  for (const kind of DOC_KINDS) {
    const doc = await docs.generate(meetingId, kind);
    out[kind] = {} as Record<DocFormat, number>;
    for (const format of FORMATS) {
      for (let i = 0; i < warmup; i++) await docs.render(doc.id, format);
      const times: number[] = [];
      for (let i = 0; i < runs; i++) {
        const t = process.hrtime.bigint();
        const r = await docs.render(doc.id, format);
        times.push(msSince(t));
        if (r.content.length === 0) throw new Error(`empty ${kind} ${format}`);
      }
      out[kind][format] = median(times);
    }
  }
  return out;
}
