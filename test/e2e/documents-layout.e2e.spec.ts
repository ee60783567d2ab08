import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { citationNumbers } from '../../src/domain/documents/format';
import { hasPdftotext, occurrences, pdfInfo, pdfLayoutPages } from '../helpers/pdf-text';
import { createTestApp, type TestApp } from '../helpers/test-app';

/**
 * Every document kind as a văn thư receives it (Decree 30/2020, Appendix I), read back from the
 * printed PDF with `pdftotext -layout`, and the Word file printed by LibreOffice (PNG pages for a
 * person to look at go to test-artifacts/documents/).
 */
if (process.env.CI === 'true' && !hasPdftotext)
  throw new Error('CI must install poppler-utils (pdftotext): see .ci/run');

const hasSoffice = (() => {
  try {
    execFileSync('soffice', ['--version'], { stdio: 'ignore', timeout: 60_000 });
    return true;
  } catch {
    return false;
  }
})();
if (!hasSoffice)
  console.warn(
    'LibreOffice (soffice) is not installed: the Word rendering checks are skipped. ' +
      'Install it with `apt-get install -y libreoffice-writer-nogui fonts-liberation2` (.ci/run does).',
  );
if (process.env.CI === 'true' && !hasSoffice)
  throw new Error('CI must install libreoffice-writer-nogui (soffice): see .ci/run');

const ARTIFACTS = path.join(__dirname, '..', '..', 'test-artifacts', 'documents');

/** The signer whose slot must share a page with "Nơi nhận" (the right slot of the first row). */
const SIGNER: Record<string, string> = {
  MINUTES: 'CHỦ TRÌ HỘI NGHỊ',
  VOTE_COUNT: 'TRƯỞNG BAN KIỂM PHIẾU',
  PROPOSAL: 'TRƯỞNG KHỐI',
  RESOLUTION: 'CHỦ TRÌ',
  SCORE_TABLE: 'TRƯỞNG KHỐI',
  'council-list': 'NGƯỜI LẬP DANH SÁCH',
  'draft-decision': 'CHỦ TỊCH',
};

/** Visible text of a rendered HTML document (tags dropped, entities of the templates decoded). */
function htmlText(html: string): string {
  return html
    .replace(/<head>[\s\S]*<\/head>/, '')
    .replace(/<div class="technical">[\s\S]*?<\/div>/, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&gt;/g, '>')
    .replace(/&lt;/g, '<')
    .replace(/&#x3D;/g, '=')
    .replace(/&amp;/g, '&');
}

interface Rendered {
  name: string;
  html: string;
  pdf: Buffer;
  docx: Buffer;
  sha256: string | null;
}

/** Checks one printed document: citations whole, "Nơi nhận" with the signature, nothing technical printed. */
function checkPrinted(name: string, pages: string[], html: string): void {
  const all = pages.join('\n');
  const visible = htmlText(html);
  for (const c of new Set(citationNumbers(visible)))
    expect([name, c, occurrences(all, c)]).toEqual([name, c, occurrences(visible, c)]);
  const withRecipients = pages.filter((p) => p.includes('Nơi nhận:'));
  expect([name, withRecipients.length]).toEqual([name, 1]);
  expect([name, withRecipients[0]!.includes(SIGNER[name]!)]).toEqual([name, true]);
  expect([name, /SHA-256|nd30-/.test(all)]).toEqual([name, false]);
}

describe('documents as printed: PDF and Word (Decree 30 layout)', () => {
  let t: TestApp;
  const docs: Rendered[] = [];

  beforeAll(async () => {
    t = await createTestApp({ seed: true, seedMeeting: true });
    const blocId = (await t.http().get('/api/blocs').expect(200)).body.items[0].id;
    const meetingId = (await t.http().get(`/api/blocs/${blocId}/terms/2023/meetings`).expect(200))
      .body[0].id;
    const get = async (url: string) =>
      (await t.http().get(url).responseType('blob').expect(200)).body as Buffer;
    for (const kind of ['MINUTES', 'VOTE_COUNT', 'PROPOSAL', 'RESOLUTION', 'SCORE_TABLE']) {
      const d = (
        await t.http().post(`/api/meetings/${meetingId}/documents`).send({ kind }).expect(201)
      ).body as { id: number; snapshotSha256: string };
      const base = `/api/documents/${d.id}/van-ban`;
      docs.push({
        name: kind,
        html: (await t.http().get(`${base}.html`).expect(200)).text,
        pdf: await get(`${base}.pdf`),
        docx: await get(`${base}.docx`),
        sha256: d.snapshotSha256,
      });
    }
    // The council passes Cẩm Giàng, so the draft decision has an awardee.
    const noms = (await t.http().get(`/api/blocs/${blocId}/terms/2023/nominations`).expect(200))
      .body as { id: number; version: number; unit: { shortName: string; provinceId: number } }[];
    const cg = noms.find((n) => n.unit.shortName === 'Cẩm Giàng')!;
    const sub = (
      await t
        .http()
        .post(`/api/nominations/${cg.id}/transitions`)
        .send({ version: cg.version, to: 'SUBMITTED' })
        .expect(200)
    ).body;
    await t
      .http()
      .post(`/api/nominations/${cg.id}/council-vote`)
      .send({
        version: sub.version,
        members: 15,
        present: 15,
        valid: 15,
        agree: 14,
        // after the bloc's meeting of 28/03/2024 that proposed it
        councilDate: '2024-04-02',
      })
      .expect(200);
    for (const name of ['council-list', 'draft-decision']) {
      const base = `/api/provinces/${cg.unit.provinceId}/documents/${name}`;
      docs.push({
        name,
        html: (await t.http().get(`${base}.html?year=2023`).expect(200)).text,
        pdf: await get(`${base}.pdf?year=2023`),
        docx: await get(`${base}.docx?year=2023`),
        sha256: null,
      });
    }
  }, 240_000);
  afterAll(() => t.close());

  (hasPdftotext ? it : it.skip)(
    'PDF: no document number split, "Nơi nhận" on the signature\'s page, the hash in the metadata only',
    () => {
      fs.mkdirSync(ARTIFACTS, { recursive: true });
      for (const d of docs) {
        const file = path.join(ARTIFACTS, `${d.name}.pdf`);
        fs.writeFileSync(file, d.pdf);
        execFileSync('pdftoppm', ['-png', '-r', '60', file, path.join(ARTIFACTS, `${d.name}-pdf`)]);
        const pages = pdfLayoutPages(d.pdf);
        checkPrinted(d.name, pages, d.html);
        if (d.sha256) expect(pdfInfo(d.pdf).Subject).toContain(d.sha256);
        // The national title stays on one line of the header.
        expect(pages[0]).toMatch(/CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM/);
      }
      // Every member of the counting committee has a signature slot.
      const vote = docs.find((d) => d.name === 'VOTE_COUNT')!;
      const last = pdfLayoutPages(vote.pdf).at(-1)!;
      for (const name of ['Nguyễn Đức Thịnh', 'Vũ Thị Lan Anh', 'Đỗ Văn Hưng'])
        expect(last.split('\n').some((l) => l.trim() === name || l.includes(`  ${name}`))).toBe(
          true,
        );
      // The resolution's and the proposal's recipients sit level with the signing authority.
      for (const name of ['PROPOSAL', 'RESOLUTION', 'draft-decision']) {
        const page = pdfLayoutPages(docs.find((d) => d.name === name)!.pdf).find((p) =>
          p.includes('Nơi nhận:'),
        )!;
        const line = page.split('\n').find((l) => l.includes('Nơi nhận:'))!;
        expect([name, /TM\.|CHỦ TỊCH/.test(line)]).toEqual([name, true]);
      }
    },
  );

  (hasSoffice && hasPdftotext ? it : it.skip)(
    'Word (printed by LibreOffice): the header fits, numbers whole, "Nơi nhận" with the signature',
    () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'docx-'));
      for (const d of docs) fs.writeFileSync(path.join(dir, `${d.name}.docx`), d.docx);
      execFileSync(
        'soffice',
        [
          `-env:UserInstallation=file://${dir}/profile`,
          '--headless',
          '--convert-to',
          'pdf',
          '--outdir',
          dir,
          ...docs.map((d) => path.join(dir, `${d.name}.docx`)),
        ],
        { stdio: 'ignore', timeout: 180_000 },
      );
      fs.mkdirSync(ARTIFACTS, { recursive: true });
      for (const d of docs) {
        const pdf = fs.readFileSync(path.join(dir, `${d.name}.pdf`));
        const pages = pdfLayoutPages(pdf);
        checkPrinted(d.name, pages, d.html);
        // "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" on one line, on the issuer's first line.
        const first = pages[0]!.split('\n').filter((l) => l.trim());
        const title = first.findIndex((l) => l.includes('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'));
        expect([d.name, title]).not.toEqual([d.name, -1]);
        expect([d.name, first.findIndex((l) => l.includes('Độc lập - Tự do - Hạnh phúc'))]).toEqual(
          [d.name, title + 1],
        );
        execFileSync('pdftoppm', [
          '-png',
          '-r',
          '60',
          path.join(dir, `${d.name}.pdf`),
          path.join(ARTIFACTS, `${d.name}-word`),
        ]);
      }
    },
    240_000,
  );
});
