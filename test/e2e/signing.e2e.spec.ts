import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { PNG } from 'pngjs';
import { testOpaqueImage, testSealImage, testSignatureImage } from '../helpers/signature-images';
import { makeTestPkcs12 } from '../helpers/test-certificate';
import { createTestApp, type TestApp } from '../helpers/test-app';

const MM = 72 / 25.4;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'thidua-signing-'));
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const binary = (
  res: { on: (e: string, cb: (c?: Buffer) => void) => void },
  cb: (e: Error | null, b: Buffer) => void,
) => {
  const chunks: Buffer[] = [];
  res.on('data', (c?: Buffer) => chunks.push(c!));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};

/** poppler's own verdict on a PDF's signatures. */
function pdfsig(pdf: Buffer): string {
  const file = path.join(tmp, `${sha256(pdf).slice(0, 12)}.pdf`);
  fs.writeFileSync(file, pdf);
  try {
    return execFileSync('pdfsig', [file], { encoding: 'utf8' });
  } catch (e) {
    return String((e as { stdout?: string }).stdout ?? e);
  }
}

describe('signed documents: signing material, PAdES signature, Decree 30 images, public check', () => {
  let t: TestApp;
  let meetingId: number;
  let blocId: number;
  let signerToken: string;
  let otherSecretaryToken: string;
  let signerId: number;
  const cert = makeTestPkcs12({
    commonName: 'Nguyễn Văn An',
    password: 'mk-bi-mat-Chung-Thu-7391',
  });
  const p12Base64 = cert.p12.toString('base64');
  const logged: string[] = [];
  const profileBody = () => ({
    organizationName: 'Ủy ban nhân dân thành phố Hải Dương',
    signerName: 'Nguyễn Văn An',
    p12Base64,
    password: cert.password,
    signatureImageBase64: testSignatureImage().toString('base64'),
    signatureWidthMm: 40,
    sealImageBase64: testSealImage().toString('base64'),
    sealDiameterMm: 36,
    signerUserIds: [signerId],
  });

  beforeAll(async () => {
    for (const k of ['log', 'warn', 'error', 'info', 'debug'] as const) {
      const orig = console[k].bind(console);
      jest.spyOn(console, k).mockImplementation((...args: unknown[]) => {
        logged.push(args.map(String).join(' '));
        orig(...args);
      });
    }
    t = await createTestApp({ seed: true, seedMeeting: true });
    blocId = (await t.http().get('/api/blocs').expect(200)).body.items[0].id;
    meetingId = (await t.http().get(`/api/blocs/${blocId}/terms/2023/meetings`).expect(200)).body[0]
      .id;
    signerToken = await t.login({ username: 'chu.toa', role: 'BLOC_SECRETARY', blocIds: [blocId] });
    otherSecretaryToken = await t.login({
      username: 'thu.ky.khac',
      role: 'BLOC_SECRETARY',
      blocIds: [blocId],
    });
    signerId = (await t.as(signerToken).get('/api/auth/me').expect(200)).body.user.id;
  });
  afterAll(async () => {
    jest.restoreAllMocks();
    await t.close();
  });

  it('stores the signing material for the administrator only, and never gives back the key or the password', async () => {
    await t
      .as(signerToken)
      .put(`/api/blocs/${blocId}/signing-profile`)
      .send(profileBody())
      .expect(403);
    const bad = await t
      .http()
      .put(`/api/blocs/${blocId}/signing-profile`)
      .send({ ...profileBody(), password: 'sai' })
      .expect(422);
    expect(bad.body.code).toBe('SIGNING_PKCS12_UNREADABLE');
    const opaque = await t
      .http()
      .put(`/api/blocs/${blocId}/signing-profile`)
      .send({ ...profileBody(), sealImageBase64: testOpaqueImage().toString('base64') })
      .expect(422);
    expect(opaque.body.details).toEqual([
      expect.objectContaining({ field: 'sealImageBase64', code: 'SIGNING_IMAGE_NOT_TRANSPARENT' }),
    ]);
    const blueSeal = await t
      .http()
      .put(`/api/blocs/${blocId}/signing-profile`)
      .send({ ...profileBody(), sealImageBase64: testSignatureImage().toString('base64') })
      .expect(422);
    expect(blueSeal.body.details[0].code).toBe('SIGNING_IMAGE_WRONG_COLOUR');
    const saved = await t
      .http()
      .put(`/api/blocs/${blocId}/signing-profile`)
      .send(profileBody())
      .expect(200);
    expect(saved.body.certificate.subject).toContain('CN=Nguyễn Văn An');
    expect(saved.body.signers).toEqual([{ userId: signerId, displayName: 'chu.toa' }]);
    const read = await t.http().get(`/api/blocs/${blocId}/signing-profile`).expect(200);
    for (const body of [saved.text, read.text]) {
      expect(body).not.toContain(cert.password);
      expect(body).not.toContain(p12Base64.slice(100, 160));
      expect(body).not.toMatch(/sealedCredential|p12|password/i);
    }
    // nor stored in clear anywhere in the database
    const tables: { name: string }[] = await t.dataSource.query(
      t.dataSource.options.type === 'postgres'
        ? `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema()`
        : `SELECT name FROM sqlite_master WHERE type = 'table'`,
    );
    for (const { name } of tables) {
      const dump = JSON.stringify(await t.dataSource.query(`SELECT * FROM "${name}"`));
      expect(dump).not.toContain(cert.password);
      expect(dump).not.toContain(p12Base64.slice(100, 160));
    }
  });

  it('refuses a signer who is not on the list, and an older version of a document', async () => {
    const v1 = (
      await t
        .http()
        .post(`/api/meetings/${meetingId}/documents`)
        .send({ kind: 'MINUTES' })
        .expect(201)
    ).body;
    const other = await t
      .as(otherSecretaryToken)
      .post(`/api/documents/${v1.id}/signature`)
      .expect(403);
    expect(other.body.code).toBe('SIGN_SIGNER_NOT_ALLOWED');
    const admin = await t.http().post(`/api/documents/${v1.id}/signature`).expect(403);
    expect(admin.body.code).toBe('SIGN_SIGNER_NOT_ALLOWED');
    await t
      .http()
      .post(`/api/meetings/${meetingId}/documents`)
      .send({ kind: 'MINUTES' })
      .expect(201);
    const old = await t.as(signerToken).post(`/api/documents/${v1.id}/signature`).expect(409);
    expect(old.body.code).toBe('SIGN_SUPERSEDED_VERSION');
  });

  it('signs from the document page: the listed signer gets the signed notice, another secretary reads the refusal on the page', async () => {
    await t.http().put(`/api/blocs/${blocId}/signing-profile`).send(profileBody()).expect(200);
    const doc = (
      await t
        .http()
        .post(`/api/meetings/${meetingId}/documents`)
        .send({ kind: 'VOTE_COUNT' })
        .expect(201)
    ).body as { id: number };
    const session = async (username: string) => {
      const res = await t
        .anon()
        .post('/web/login')
        .type('form')
        .send({ username, password: 'mat-khau-thu-nghiem-2024' })
        .expect(303);
      const cookie = String(res.headers['set-cookie']?.[0] ?? '').split(';')[0]!;
      const me = await t.anon().get('/api/auth/me').set('Cookie', cookie).expect(200);
      return { cookie, csrf: String(me.body.csrfToken) };
    };
    const page = `/web/meetings/${meetingId}/documents/${doc.id}`;
    const other = await session('thu.ky.khac');
    const refused = await t
      .anon()
      .post(`${page}/ky-so`)
      .set('Cookie', other.cookie)
      .type('form')
      .send({ _csrf: other.csrf });
    expect(refused.status).toBe(403);
    expect(refused.text).toContain('không có trong danh sách người được ký');
    const signer = await session('chu.toa');
    const before = await t.anon().get(page).set('Cookie', signer.cookie).expect(200);
    expect(before.text).toContain('Ký số văn bản');
    const ok = await t
      .anon()
      .post(`${page}/ky-so`)
      .set('Cookie', signer.cookie)
      .type('form')
      .send({ _csrf: signer.csrf })
      .expect(303);
    expect(ok.headers.location).toBe(`${page}?tb=signed`);
    const after = await t.anon().get(page).set('Cookie', signer.cookie).expect(200);
    expect(after.text).toContain('Đã ký số');
    expect(after.text).toContain('CN&#x3D;Nguyễn Văn An');
    expect(after.text).toContain('Số hiệu chứng thư');
    expect(after.text).not.toContain('>Ký số văn bản</button>');
  });

  describe('the signed minutes', () => {
    let doc: {
      id: number;
      numberText: string;
      kind: string;
      signature: { sha256: string; certificate: { serial: string } };
    };
    let signed: Buffer;

    beforeAll(async () => {
      // self-contained: the profile (saving it again is allowed) and a fresh version to sign
      await t.http().put(`/api/blocs/${blocId}/signing-profile`).send(profileBody()).expect(200);
      const latest = (
        await t
          .http()
          .post(`/api/meetings/${meetingId}/documents`)
          .send({ kind: 'MINUTES' })
          .expect(201)
      ).body;
      doc = (await t.as(signerToken).post(`/api/documents/${latest.id}/signature`).expect(201))
        .body;
      signed = (
        await t
          .http()
          .get(`/api/documents/${doc.id}/van-ban.pdf`)
          .buffer(true)
          .parse(binary)
          .expect(200)
      ).body as Buffer;
      fs.mkdirSync('test-artifacts', { recursive: true });
      fs.writeFileSync('test-artifacts/bien-ban-da-ky-so.pdf', signed);
    });

    it('is served as the exact bytes that were signed, valid over the whole file for poppler', () => {
      expect(doc.signature.sha256).toBe(sha256(signed));
      const out = pdfsig(signed);
      expect(out).toContain('Signature Type: ETSI.CAdES.detached');
      expect(out).toContain('Signature Validation: Signature is Valid.');
      expect(out).toContain('Total document signed');
      expect(out).toContain('Nguyễn Văn An');
    });

    it('is immutable: signing again is refused, regenerating makes a new unsigned version and keeps the signed bytes', async () => {
      expect(
        (await t.as(signerToken).post(`/api/documents/${doc.id}/signature`).expect(409)).body.code,
      ).toBe('SIGN_ALREADY_SIGNED');
      const v3 = (
        await t
          .http()
          .post(`/api/meetings/${meetingId}/documents`)
          .send({ kind: 'MINUTES' })
          .expect(201)
      ).body;
      expect(v3.signature).toBeNull();
      const again = (
        await t
          .http()
          .get(`/api/documents/${doc.id}/van-ban.pdf`)
          .buffer(true)
          .parse(binary)
          .expect(200)
      ).body as Buffer;
      expect(again.equals(signed)).toBe(true);
      const list = (await t.http().get(`/api/meetings/${meetingId}/documents`).expect(200))
        .body as { id: number; signature: unknown }[];
      expect(list.find((d) => d.id === doc.id)?.signature).toMatchObject({
        signerName: 'Nguyễn Văn An',
        certificate: { serial: doc.signature.certificate.serial },
      });
      await expect(
        t.dataSource.query(`UPDATE document_signature SET signer_name = 'x'`),
      ).rejects.toThrow();
      await expect(t.dataSource.query(`DELETE FROM document_signature`)).rejects.toThrow();
    });

    it('the public check (no sign-in) finds the record; one changed byte makes both it and pdfsig say invalid', async () => {
      const ok = await t
        .anon()
        .post('/api/document-checks')
        .attach('file', signed, 'bien-ban.pdf')
        .expect(200);
      expect(ok.body).toMatchObject({
        signed: true,
        intact: true,
        record: { documentId: doc.id, kind: 'MINUTES', numberText: doc.numberText },
      });
      expect(ok.body.signatures[0].certificate.commonName).toBe('Nguyễn Văn An');
      // the same check as a page, in words (no ISO time, no code)
      const page = await t
        .anon()
        .post('/web/kiem-tra-van-ban')
        .attach('file', signed, 'bien-ban.pdf')
        .expect(200);
      expect(page.text).toContain('Chữ ký số hợp lệ: nội dung tệp không thay đổi kể từ khi ký.');
      expect(page.text).toContain(doc.numberText);
      expect(page.text).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
      const changed = Buffer.from(signed);
      const at = changed.indexOf('/Producer');
      changed[at + 2] = changed[at + 2]! ^ 0x20;
      const bad = await t
        .anon()
        .post('/api/document-checks')
        .attach('file', changed, 'bien-ban.pdf')
        .expect(200);
      expect(bad.body).toMatchObject({ signed: true, intact: false, record: null });
      expect(pdfsig(changed)).not.toContain('Signature is Valid');
      const unsigned = (
        await t
          .http()
          .get(`/api/documents/${doc.id + 1}/van-ban.pdf`)
          .buffer(true)
          .parse(binary)
          .expect(200)
      ).body as Buffer;
      expect(
        (await t.anon().post('/api/document-checks').attach('file', unsigned, 'a.pdf').expect(200))
          .body,
      ).toMatchObject({ signed: false, intact: false, record: null });
      expect(
        (
          await t
            .anon()
            .post('/api/document-checks')
            .attach('file', Buffer.from('xin chào'), 'a.pdf')
            .expect(422)
        ).body.code,
      ).toBe('CHECK_NOT_A_PDF');
      expect((await t.anon().post('/api/document-checks').expect(400)).body.code).toBe(
        'CHECK_FILE_MISSING',
      );
    });

    it('shows the signature and the seal where Decree 30 puts them (pixel check of the rendered page)', () => {
      const file = path.join(tmp, 'signed.pdf');
      fs.writeFileSync(file, signed);
      const html = execFileSync('pdftotext', ['-bbox-layout', file, '-'], { encoding: 'utf8' });
      const pages = html.split('<page ').slice(1);
      type Word = { x0: number; y0: number; x1: number; y1: number; text: string };
      const wordsOf = (p: string): Word[] =>
        [
          ...p.matchAll(
            /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g,
          ),
        ].map((m) => ({
          x0: Number(m[1]),
          y0: Number(m[2]),
          x1: Number(m[3]),
          y1: Number(m[4]),
          text: m[5]!,
        }));
      const pageNo = pages.findIndex((p) => p.includes('>Thời<') && p.includes('>ký:<'));
      expect(pageNo).toBeGreaterThanOrEqual(0);
      const words = wordsOf(pages[pageNo]!);
      const timeWord = words.find((w) => w.text.startsWith('20') && w.text.endsWith('+07:00'))!;
      expect(timeWord.text).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+07:00$/);
      // the right-hand block: its lines above the images and the name below them
      const right = words.filter((w) => w.x0 > 297 - 10 && w.y1 < timeWord.y0);
      const above = right.filter((w) => w.y1 < timeWord.y0 - 40);
      const positionBottom = Math.max(...above.map((w) => w.y1));
      const below = words.filter((w) => w.x0 > 297 - 10 && w.y0 > timeWord.y1 + 1);
      const nameTop = Math.min(...below.map((w) => w.y0));
      execFileSync('pdftoppm', [
        '-r',
        '72',
        '-png',
        '-f',
        String(pageNo + 1),
        '-l',
        String(pageNo + 1),
        file,
        path.join(tmp, 'page'),
      ]);
      const pngFile = fs.readdirSync(tmp).find((f) => f.startsWith('page') && f.endsWith('.png'))!;
      const img = PNG.sync.read(fs.readFileSync(path.join(tmp, pngFile)));
      fs.copyFileSync(path.join(tmp, pngFile), 'test-artifacts/bien-ban-da-ky-so.png');
      const box = (test: (r: number, g: number, b: number) => boolean) => {
        let x0 = Infinity,
          y0 = Infinity,
          x1 = -1,
          y1 = -1;
        for (let y = 0; y < img.height; y++)
          for (let x = 0; x < img.width; x++) {
            const i = (y * img.width + x) * 4;
            if (test(img.data[i]!, img.data[i + 1]!, img.data[i + 2]!)) {
              x0 = Math.min(x0, x);
              y0 = Math.min(y0, y);
              x1 = Math.max(x1, x);
              y1 = Math.max(y1, y);
            }
          }
        return { x0, y0, x1, y1, w: x1 - x0 + 1, h: y1 - y0 + 1 };
      };
      const blue = box((r, g, b) => b > 150 && r < 110 && g < 130);
      const red = box((r, g, b) => r > 150 && g < 90 && b < 90);
      // the signature image: 40 mm wide, centred in the right-hand column, between the position and the name
      expect(Math.abs(blue.w - 40 * MM)).toBeLessThan(4);
      // centred on the name printed under it
      const nameLine = below.filter((w) => Math.abs(w.y0 - nameTop) < 2);
      const nameCentre =
        (Math.min(...nameLine.map((w) => w.x0)) + Math.max(...nameLine.map((w) => w.x1))) / 2;
      expect(Math.abs((blue.x0 + blue.x1) / 2 - nameCentre)).toBeLessThan(4);
      expect(blue.y0).toBeGreaterThan(positionBottom);
      expect(blue.y1).toBeLessThan(nameTop);
      expect(red.w).toBeGreaterThan(0);
      // the seal: 36 mm (its real size), over about a third of the signature on its left, level with it
      expect(Math.abs(red.w - 36 * MM)).toBeLessThan(3);
      expect(Math.abs(red.x1 - (blue.x0 + blue.w / 3))).toBeLessThan(4);
      expect(Math.abs((red.y0 + red.y1) / 2 - (blue.y0 + blue.y1) / 2)).toBeLessThan(6);
      // the organization and the signing time in 10 pt
      expect(timeWord.y1 - timeWord.y0).toBeLessThan(12);
      const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
      expect(text).toContain('Cơ quan: Ủy ban nhân dân thành phố Hải Dương');
    });

    it('never wrote the certificate password or the PKCS#12 file to any log', () => {
      const all = logged.join('\n');
      expect(all).not.toContain(cert.password);
      expect(all).not.toContain(p12Base64.slice(100, 160));
    });
  });
});
