import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import JSZip from 'jszip';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { meetingBody } from '../builders/api-bodies';

const GOLDEN = path.join(__dirname, '..', 'golden');
const hasPdftotext = (() => {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

if (process.env.CI === 'true' && !hasPdftotext)
  throw new Error('CI must install poppler-utils (pdftotext): see .ci/run');

/** Text of a PDF: pdftotext (poppler, installed by .ci/run) with layout folded to single spaces. */
function pdfText(buf: Buffer): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'pdf-')), 'x.pdf');
  fs.writeFileSync(file, buf);
  return execFileSync('pdftotext', [file, '-']).toString('utf8').replace(/\s+/g, ' ');
}

const pageCount = (buf: Buffer) =>
  (buf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;

async function docxText(buf: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(buf);
  const xml = await zip.file('word/document.xml')!.async('string');
  // Word joiners (U+2060) keep document numbers whole on a line; they are invisible.
  return xml.replace(/<[^>]+>/g, '').replace(/\u2060/g, '');
}

describe('official documents of the Hải Dương 2023 meeting', () => {
  let t: TestApp;
  let meetingId: number;
  const docs: Record<
    string,
    { id: number; numberText: string; snapshotSha256: string; versionNo: number }
  > = {};

  beforeAll(async () => {
    t = await createTestApp({ seed: true, seedMeeting: true });
    const blocId = (await t.http().get('/api/blocs').expect(200)).body.items[0].id;
    meetingId = (await t.http().get(`/api/blocs/${blocId}/terms/2023/meetings`).expect(200)).body[0]
      .id;
    for (const kind of ['MINUTES', 'VOTE_COUNT', 'PROPOSAL', 'RESOLUTION', 'SCORE_TABLE']) {
      docs[kind] = (
        await t.http().post(`/api/meetings/${meetingId}/documents`).send({ kind }).expect(201)
      ).body;
    }
  });
  afterAll(() => t.close());

  it('numbers the documents in one series of the bloc for the year, with leading zeros', () => {
    expect(Object.fromEntries(Object.entries(docs).map(([k, d]) => [k, d.numberText]))).toEqual({
      MINUTES: '01/BB-KTĐ',
      VOTE_COUNT: '02/BB-KTĐ',
      PROPOSAL: '03/TTr-KTĐ',
      RESOLUTION: '04/NQ-KTĐ',
      SCORE_TABLE: '05/BTH-KTĐ',
    });
  });

  it('renders the minutes as the golden HTML (frozen data, escaped, with the Decree 30 header)', async () => {
    const res = await t.http().get(`/api/documents/${docs.MINUTES!.id}/van-ban.html`).expect(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.headers['content-security-policy']).toContain("default-src 'none'");
    const file = path.join(GOLDEN, 'minutes-hai-duong-2023.html');
    if (process.env.UPDATE_GOLDEN === '1' || !fs.existsSync(file)) fs.writeFileSync(file, res.text);
    expect(res.text).toBe(fs.readFileSync(file, 'utf8'));
    for (const s of [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Hải Dương, ngày 28 tháng 3 năm 2024',
      'Số: 01/BB-KTĐ',
      '91,7 %',
      'Đảng bộ, chính quyền và nhân dân thành phố Hải Dương',
    ]) {
      expect(res.text).toContain(s);
    }
    expect(res.text).toContain(docs.MINUTES!.snapshotSha256);
  });

  it('renders each document as its golden HTML', async () => {
    for (const [kind, d] of Object.entries(docs)) {
      const html = (await t.http().get(`/api/documents/${d.id}/van-ban.html`).expect(200)).text;
      const file = path.join(
        GOLDEN,
        `${kind.toLowerCase().replace(/_/g, '-')}-hai-duong-2023.html`,
      );
      if (process.env.UPDATE_GOLDEN === '1' || !fs.existsSync(file)) fs.writeFileSync(file, html);
      expect(html).toBe(fs.readFileSync(file, 'utf8'));
    }
  });

  it('renders every document as PDF and Word with the outcome and the counts', async () => {
    for (const [kind, d] of Object.entries(docs)) {
      const pdf = await t
        .http()
        .get(`/api/documents/${d.id}/van-ban.pdf`)
        .responseType('blob')
        .expect(200);
      const buf = pdf.body as Buffer;
      expect(buf.subarray(0, 5).toString()).toBe('%PDF-');
      expect(buf.toString('latin1')).toContain('Tinos');
      expect(pageCount(buf)).toBeGreaterThanOrEqual(1);
      if (hasPdftotext) {
        const text = pdfText(buf);
        expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
        expect(text).toContain(`Số: ${d.numberText}`);
        if (kind !== 'VOTE_COUNT') expect(text).toMatch(/Cẩm Giàng/);
        if (kind === 'SCORE_TABLE') expect(text).toContain('968');
        if (kind === 'VOTE_COUNT') expect(text).toContain('11/12 = 91,7 %');
      }
      const docx = await t
        .http()
        .get(`/api/documents/${d.id}/van-ban.docx`)
        .responseType('blob')
        .expect(200);
      expect(docx.headers['content-disposition']).toMatch(
        /^attachment; filename="[\w.-]+"; filename\*=UTF-8''/,
      );
      const words = await docxText(docx.body as Buffer);
      expect(words).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
      expect(words).toContain(`Số: ${d.numberText}`);
    }
    const minutesPdf = (
      await t
        .http()
        .get(`/api/documents/${docs.MINUTES!.id}/van-ban.pdf`)
        .responseType('blob')
        .expect(200)
    ).body as Buffer;
    expect(pageCount(minutesPdf)).toBeGreaterThanOrEqual(2);
    if (hasPdftotext) {
      const text = pdfText(minutesPdf);
      for (const s of [
        'Đảng bộ, chính quyền và nhân dân thành phố Hải Dương',
        'Đảng bộ, chính quyền và nhân dân huyện Cẩm Giàng',
        'huyện Gia Lộc',
        'huyện Kim Thành',
        '100 %',
        '83,3 %',
        '75,0 %',
      ])
        expect(text).toContain(s);
    }
  });

  it('prints finished sample data: named people, no placeholders, no sample marks in the legal sentences', () => {
    for (const kind of Object.keys(docs)) {
      const html = fs.readFileSync(
        path.join(GOLDEN, `${kind.toLowerCase().replace(/_/g, '-')}-hai-duong-2023.html`),
        'utf8',
      );
      for (const s of ['giá trị mẫu', 'dữ liệu mẫu', '(ghi ', '(mẫu)', '(chưa ghi']) {
        expect([kind, s, html.includes(s)]).toEqual([kind, s, false]);
      }
    }
    const minutes = fs.readFileSync(path.join(GOLDEN, 'minutes-hai-duong-2023.html'), 'utf8');
    expect(minutes).toContain(
      'Chủ trì: Trần Văn Quân, Trưởng Khối thi đua. Thư ký: Phạm Thị Thu Hà.',
    );
  });

  it('closed the 2023 scoring before the meeting that used it (nothing late on the dashboard)', async () => {
    const blocId = (await t.http().get('/api/blocs').expect(200)).body.items[0].id;
    const scoring = (await t.http().get(`/api/blocs/${blocId}/terms/2023/scoring`).expect(200))
      .body as { phase: string; history: { to: string; reason: string | null }[] };
    expect(scoring.phase).toBe('CLOSED');
    expect(scoring.history.at(-1)?.reason).toContain(
      'ngày 20/3/2024, trước hội nghị bình xét ngày 28/3/2024',
    );
  });

  it('keeps the number and adds a version when a document is generated again, from the same locked data', async () => {
    const again = (
      await t
        .http()
        .post(`/api/meetings/${meetingId}/documents`)
        .send({ kind: 'MINUTES' })
        .expect(201)
    ).body;
    expect(again).toMatchObject({
      numberText: '01/BB-KTĐ',
      versionNo: 2,
      snapshotSha256: docs.MINUTES!.snapshotSha256,
    });
    const list = (await t.http().get(`/api/meetings/${meetingId}/documents`).expect(200))
      .body as unknown[];
    expect(list).toHaveLength(6);
  });

  it('renders the provincial stage: the council list and the draft decision', async () => {
    const blocId = (await t.http().get('/api/blocs').expect(200)).body.items[0].id;
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
        councilDate: '2024-04-02',
      })
      .expect(200);
    const province = cg.unit.provinceId;
    const list = await t
      .http()
      .get(`/api/provinces/${province}/documents/council-list.html?year=2023`)
      .expect(200);
    expect(list.text).toContain('DANH SÁCH');
    expect(list.text).toContain('Đảng bộ, chính quyền và nhân dân thành phố Hải Dương');
    expect(list.text).toContain('14/15');
    const draft = await t
      .http()
      .get(`/api/provinces/${province}/documents/draft-decision.html?year=2023`)
      .expect(200);
    expect(draft.text).toContain(
      '<span class="lead">Điều 1.</span> Tặng Cờ thi đua của Ủy ban nhân dân tỉnh cho 1 tập thể đã có thành tích xuất sắc trong phong trào thi đua năm 2023: Đảng bộ, chính quyền và nhân dân huyện Cẩm Giàng.',
    );
    // Issued by the province's People's Committee; the Chairman decides; the 2023 grounds only.
    expect(draft.text).toContain("<div class='issuer'>ỦY BAN NHÂN DÂN TỈNH HẢI DƯƠNG</div>");
    expect(draft.text).toContain('Số: …/QĐ-UBND');
    expect(draft.text).toContain('Căn cứ Nghị định số 98/2023/NĐ-CP;');
    expect(draft.text).not.toContain('152/2025');
    expect(draft.text).not.toContain('Công văn');
    // The Government flag is the Prime Minister's: not in the Chairman's decision.
    expect(draft.text).not.toContain('Cờ thi đua của Chính phủ');
    expect(draft.text).toContain('DỰ THẢO');
    for (const f of ['council-list.pdf', 'draft-decision.docx']) {
      const r = await t
        .http()
        .get(`/api/provinces/${province}/documents/${f}?year=2023`)
        .responseType('blob')
        .expect(200);
      expect((r.body as Buffer).length).toBeGreaterThan(1000);
    }
    await t.http().get(`/api/provinces/${province}/documents/other.pdf?year=2023`).expect(404);
  });

  it('refuses documents of a meeting that is not finalized, and an unknown format', async () => {
    const blocId = (await t.http().get('/api/blocs').expect(200)).body.items[0].id;
    const draft = (
      await t
        .http()
        .post(`/api/blocs/${blocId}/terms/2023/meetings`)
        .send(meetingBody('2024-03-20', { isRehearsal: true }))
        .expect(201)
    ).body;
    const res = await t
      .http()
      .post(`/api/meetings/${draft.id}/documents`)
      .send({ kind: 'MINUTES' })
      .expect(409);
    expect(res.body.code).toBe('DOCUMENT_MEETING_NOT_FINALIZED');
    await t.http().get(`/api/documents/${docs.MINUTES!.id}/van-ban.exe`).expect(404);
  });
});

describe('hostile names and rehearsals in documents', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ seed: true, seedMeeting: false });
  });
  afterAll(() => t.close());

  it('prints hostile text literally (escaped in HTML, as text in PDF and Word) and marks a rehearsal BẢN THỬ', async () => {
    const units = (await t.http().get('/api/units?pageSize=100').expect(200)).body.items as {
      id: number;
      code: string;
      version: number;
    }[];
    const hostile =
      '<script>alert(1)</script>{{constructor.constructor}}"><img src=x onerror=alert(1)>';
    const u = units.find((x) => x.code === 'HD-TPHD')!;
    await t
      .http()
      .patch(`/api/units/${u.id}`)
      .send({ version: u.version, fullName: hostile, collectiveName: `Đảng bộ ${hostile}` })
      .expect(200);
    const blocId = (await t.http().get('/api/blocs').expect(200)).body.items[0].id;
    const term = (await t.http().get(`/api/blocs/${blocId}/terms/2023`).expect(200)).body as {
      members: { id: number }[];
    };
    const a = await t.login({ username: 'a1', role: 'BLOC_SECRETARY', blocIds: [blocId] });
    const b = await t.login({ username: 'b1', role: 'BLOC_SECRETARY', blocIds: [blocId] });
    let m = (
      await t
        .http()
        .post(`/api/blocs/${blocId}/terms/2023/meetings`)
        .send({
          meetingDate: '2024-03-05',
          startTime: '08:00',
          place: '</style><style>@import url(http://169.254.169.254/)',
          chairName: 'x',
          secretaryName: 'y',
          countingCommittee: [],
          guests: [],
          agenda: [],
          isRehearsal: true,
        })
        .expect(201)
    ).body;
    m = (
      await t
        .http()
        .put(`/api/meetings/${m.id}/attendance`)
        .send({
          version: m.version,
          rows: term.members.map((x) => ({ unitId: x.id, present: true })),
        })
        .expect(200)
    ).body;
    m = (await t.http().post(`/api/meetings/${m.id}/open`).send({ version: m.version }).expect(200))
      .body;
    const tiers = (await t.http().get('/api/award-tiers').expect(200)).body as { id: number }[];
    m = (
      await t
        .http()
        .post(`/api/meetings/${m.id}/ballots`)
        .send({ tierId: tiers[0]!.id, seats: 1, method: 'SECRET', nomineeUnitIds: [u.id] })
        .expect(201)
    ).body;
    await t
      .http()
      .post(`/api/ballots/${m.ballots[0].id}/open`)
      .send({ version: m.ballots[0].version })
      .expect(200);
    const counts = {
      ballotsIssued: 12,
      ballotsReturned: 12,
      valid: 12,
      invalid: 0,
      nominees: [{ unitId: u.id, agree: 12, disagree: 0, noOpinion: 0 }],
    };
    await t.as(a).post(`/api/ballots/${m.ballots[0].id}/entries`).send({ counts }).expect(201);
    m = (await t.as(b).post(`/api/ballots/${m.ballots[0].id}/entries`).send({ counts }).expect(201))
      .body;
    await t.http().post(`/api/meetings/${m.id}/finalize`).send({ version: m.version }).expect(200);
    const doc = (
      await t.http().post(`/api/meetings/${m.id}/documents`).send({ kind: 'MINUTES' }).expect(201)
    ).body;
    expect(doc.numberText).toBe('01/BB-KTĐ');

    const html = (await t.http().get(`/api/documents/${doc.id}/van-ban.html`).expect(200)).text;
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).not.toContain('<img src=x');
    expect(html).not.toContain('</style><style>@import');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;{{constructor.constructor}}');
    expect(html).toContain('BẢN THỬ');
    const pdf = (
      await t.http().get(`/api/documents/${doc.id}/van-ban.pdf`).responseType('blob').expect(200)
    ).body as Buffer;
    if (hasPdftotext) {
      const text = pdfText(pdf);
      expect(text).toContain('<script>alert(1)</script>');
      expect(text).toContain('BẢN THỬ');
    }
    const words = await docxText(
      (await t.http().get(`/api/documents/${doc.id}/van-ban.docx`).responseType('blob').expect(200))
        .body as Buffer,
    );
    expect(words).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('keeps templates free of unescaped output', () => {
    const dir = path.join(__dirname, '..', '..', 'templates');
    const files = [
      ...fs.readdirSync(dir).map((f) => path.join(dir, f)),
      ...fs.readdirSync(path.join(dir, 'partials')).map((f) => path.join(dir, 'partials', f)),
    ].filter((f) => f.endsWith('.hbs'));
    expect(files.length).toBeGreaterThanOrEqual(3);
    for (const f of files) expect(fs.readFileSync(f, 'utf8')).not.toContain('{{{');
  });
});
