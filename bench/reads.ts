/* The hot reads' targets and addresses (no app code: run.ts imports it at the top, --from-json stays light). */
import type { DataSource } from 'typeorm';

/** What the hot reads read: a province's first bloc, its meeting of `year`, the province. */
export interface ReadTargets {
  blocId: number;
  year: number;
  meetingId: number;
  provinceId: number;
}

/** The hot-read targets of a generated province (every generated province has the same shape). */
export async function targetsOf(
  ds: DataSource,
  provinceId: number,
  year: number,
): Promise<ReadTargets> {
  const bloc = await ds.query<{ id: number }[]>(
    `SELECT MIN("id") AS id FROM "bloc" WHERE "province_id" = ${Number(provinceId)}`,
  );
  const blocId = Number(bloc[0]!.id);
  const m = await ds.query<{ id: number }[]>(
    `SELECT m."id" AS id FROM "meeting" m JOIN "bloc_term" t ON t."id" = m."term_id" WHERE t."bloc_id" = ${blocId} AND t."year" = ${year}`,
  );
  return { blocId, year, meetingId: Number(m[0]!.id), provinceId };
}

/** The authenticated hot reads of the table (issues 9 and 19), by name. */
export const hotReadUrls = (t: ReadTargets) => ({
  me: '/api/auth/me',
  ranking: `/api/blocs/${t.blocId}/terms/${t.year}/ranking`,
  meeting: `/api/meetings/${t.meetingId}`,
  nominations: `/api/provinces/${t.provinceId}/nominations?year=${t.year}`,
});
