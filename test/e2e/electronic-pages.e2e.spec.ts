import { visibleText } from '../helpers/page-text';
import { hasPdftotext, pdfLayoutPages } from '../helpers/pdf-text';
import { createTestApp, type TestApp } from '../helpers/test-app';

/** A code as a machine writes it, or an ISO date: never in what a person reads (as web-page-text). */
const CODE = /\b[A-Z]{3,}_[A-Z_]+\b/;
const ISO = /\b\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2})?/;

/**
 * Issue 18's pages, server-rendered: the secretary's console offers the electronic mode; the
 * electronic console, slips PDF, projector (turnout only, results after the confirmation), the
 * delegate's code → ballot → confirmation → receipt pages (over-vote refused with its reason), the
 * receipt board and the help page; BẢN THỬ on a rehearsal.
 */
describe('electronic ballot pages (issue 18)', () => {
  let t: TestApp;
  let cookie: string;
  let csrf: string;
  let mid: number;
  let bid: number;
  let codes: string[];

  const readable = (html: string, where: string) => {
    const text = visibleText(html);
    expect({ where, code: CODE.exec(text)?.[0] ?? null }).toEqual({ where, code: null });
    expect({ where, iso: ISO.exec(text)?.[0] ?? null }).toEqual({ where, iso: null });
    return text;
  };
  const web = () => ({
    get: (url: string) => t.anon().get(url).set('Cookie', cookie),
    post: (url: string, form: Record<string, string>) =>
      t
        .anon()
        .post(url)
        .set('Cookie', cookie)
        .type('form')
        .send({ _csrf: csrf, ...form }),
  });

  beforeAll(async () => {
    t = await createTestApp({ seed: true, seedMeeting: false });
    const blocId = (await t.http().get('/api/blocs').expect(200)).body.items[0].id as number;
    await t.login({ username: 'thuky.web', role: 'BLOC_SECRETARY', blocIds: [blocId] });
    const login = await t
      .anon()
      .post('/web/login')
      .type('form')
      .send({ username: 'thuky.web', password: 'mat-khau-thu-nghiem-2024' })
      .expect(303);
    cookie = String(login.headers['set-cookie']?.[0] ?? '').split(';')[0]!;
    let m = (
      await t
        .http()
        .post(`/api/blocs/${blocId}/terms/2023/meetings`)
        .send({
          meetingDate: '2024-03-28',
          startTime: '08:00',
          place: 'Hội trường',
          chairName: 'Nguyễn Văn A',
          secretaryName: 'Trần Thị B',
          countingCommittee: [{ name: 'Lê Văn C', role: 'Trưởng ban' }],
          guests: [],
          agenda: [],
          isRehearsal: true,
        })
        .expect(201)
    ).body;
    const term = (await t.http().get(`/api/blocs/${blocId}/terms/2023`).expect(200)).body;
    const tiers = (await t.http().get('/api/award-tiers').expect(200)).body as {
      id: number;
      code: string;
    }[];
    // two nominations for the provincial certificate: the ballot's nominees
    for (const name of ['Gia Lộc', 'Kim Thành'])
      await t
        .http()
        .post(`/api/blocs/${blocId}/terms/2023/nominations`)
        .send({
          unitId: term.members.find((u: { shortName: string }) => u.shortName === name).id,
          tierId: tiers.find((x) => x.code === 'PROV_MERIT')!.id,
          achievementSummary: 'Hoàn thành xuất sắc nhiệm vụ năm 2023.',
        })
        .expect(201);
    m = (
      await t
        .http()
        .put(`/api/meetings/${m.id}/attendance`)
        .send({
          version: m.version,
          rows: term.members.map((u: { id: number }) => ({ unitId: u.id, present: true })),
        })
        .expect(200)
    ).body;
    m = (await t.http().post(`/api/meetings/${m.id}/open`).send({ version: m.version }).expect(200))
      .body;
    mid = m.id;
    const page = await web().get(`/web/meetings/${mid}`).expect(200);
    csrf = /name="csrf-token" content="([^"]+)"/.exec(page.text)![1]!;
  });
  afterAll(() => t.close());

  it('offers the electronic mode next to paper on the console, and a help page', async () => {
    const page = await web().get(`/web/meetings/${mid}`).expect(200);
    expect(visibleText(page.text)).toContain('Điện tử (đại biểu bỏ phiếu kín trên điện thoại)');
    const tiers = (await t.http().get('/api/award-tiers').expect(200)).body as {
      id: number;
      code: string;
    }[];
    await web()
      .post(`/web/meetings/${mid}/ballots`, {
        tierId: String(tiers.find((x) => x.code === 'PROV_MERIT')!.id),
        seats: '1',
        method: 'SECRET',
        mode: 'ELECTRONIC',
      })
      .expect(303);
    const m = (await t.http().get(`/api/meetings/${mid}`).expect(200)).body;
    const b = m.ballots[0];
    expect(b.mode).toBe('ELECTRONIC');
    bid = b.id;
    await t.http().post(`/api/ballots/${bid}/open`).send({ version: b.version }).expect(200);
    codes = (await t.http().get(`/api/ballots/${bid}/electronic/slips`).expect(200)).body.slips.map(
      (s: { code: string }) => s.code,
    );
    const console = await web().get(`/web/meetings/${mid}`).expect(200);
    expect(console.text).toContain(`/web/meetings/${mid}/ballots/${bid}/dien-tu`);
    const help = await t.anon().get('/web/huong-dan/bo-phieu-dien-tu').expect(200);
    const text = readable(help.text, 'help');
    expect(text).toContain('Khi đại biểu làm mất phiếu mã');
    expect(text).toContain('Màn hình chiếu');
  });

  it('prints the slips: an A4 PDF with QR and typed codes, BẢN THỬ on a rehearsal', async () => {
    const page = await web().get(`/web/meetings/${mid}/ballots/${bid}/dien-tu`).expect(200);
    const text = readable(page.text, 'console');
    expect(text).toContain('In phiếu mã');
    expect(text).toContain('BẢN THỬ');
    await web()
      .get(`/web/meetings/${mid}/ballots/${bid}/phieu-ma.pdf?dia-chi=javascript:alert(1)`)
      .expect(404);
    const pdf = await web()
      .get(`/web/meetings/${mid}/ballots/${bid}/phieu-ma.pdf?dia-chi=http://192.168.1.10:3000`)
      .buffer(true)
      .parse((res, cb) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => cb(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const bytes = pdf.body as Buffer;
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    if (hasPdftotext) {
      const words = pdfLayoutPages(bytes).join('\n');
      expect(words).toContain('BẢN THỬ');
      expect(words).toContain(codes[0]);
      expect(words).toContain('Phiếu mã số 12');
      expect(words).toContain('192.168.1.10');
    }
  });

  it('takes a delegate from the code to the receipt; the over-vote is refused with its reason', async () => {
    const start = await t.anon().get(`/web/bp/${bid}`).expect(200);
    expect(readable(start.text, 'code page')).toContain('Nhập mã bỏ phiếu');
    expect(visibleText(start.text)).toContain('BẢN THỬ');
    const wrong = await t
      .anon()
      .post(`/web/bp/${bid}`)
      .type('form')
      .send({ code: 'AAAA-BBBB-CCCC-DDDD' })
      .expect(422);
    expect(readable(wrong.text, 'wrong code')).toContain('Mã bỏ phiếu không đúng');
    const ballot = await t
      .anon()
      .post(`/web/bp/${bid}`)
      .type('form')
      .send({ code: codes[0] })
      .expect(200);
    const text = readable(ballot.text, 'ballot');
    expect(text).toContain('Được chọn tối đa 1 đơn vị');
    expect(text).toContain('Tán thành');
    expect(text).toContain('Không có ý kiến');
    const n = (ballot.text.match(/<fieldset/g) ?? []).length;
    expect(n).toBeGreaterThan(0);
    const all = (choice: string) =>
      Object.fromEntries(Array.from({ length: n }, (_, i) => [`c${i}`, choice]));
    if (n > 1) {
      const over = await t
        .anon()
        .post(`/web/bp/${bid}/xac-nhan`)
        .type('form')
        .send({ code: codes[0], ...all('AGREE') })
        .expect(422);
      expect(readable(over.text, 'over-vote')).toContain('nhiều hơn số được chọn (1)');
    }
    const review = await t
      .anon()
      .post(`/web/bp/${bid}/xac-nhan`)
      .type('form')
      .send({ code: codes[0], ...all('DISAGREE'), c0: 'AGREE' })
      .expect(200);
    expect(readable(review.text, 'confirmation')).toContain('Xác nhận phiếu');
    const receipt = await t
      .anon()
      .post(`/web/bp/${bid}/bo-phieu`)
      .type('form')
      .send({ code: codes[0], ...all('DISAGREE'), c0: 'AGREE' })
      .expect(201);
    const r = readable(receipt.text, 'receipt');
    expect(r).toContain('Đã bỏ phiếu');
    const receiptCode = /class="receipt">([0-9A-Z-]+)</.exec(receipt.text)![1]!;
    // the same code again: refused, with the reason on the code page
    const again = await t
      .anon()
      .post(`/web/bp/${bid}/bo-phieu`)
      .type('form')
      .send({ code: codes[0], ...all('DISAGREE') })
      .expect(409);
    expect(visibleText(again.text)).toContain('đã được dùng');

    // the projector: turnout only
    const projector = await web().get(`/web/meetings/${mid}/ballots/${bid}/may-chieu`).expect(200);
    const p = readable(projector.text, 'projector');
    expect(p).toMatch(/Đã bỏ 1 \/ 12 phiếu/);
    expect(p).not.toContain('Kết quả kiểm phiếu');
    expect(projector.text).toContain('data-refresh');

    await t.anon().get(`/web/bp/${bid}/bien-nhan`).expect(409);
    await web().post(`/web/meetings/${mid}/ballots/${bid}/dien-tu/ket-thuc`, {}).expect(303);
    const board = await t.anon().get(`/web/bp/${bid}/bien-nhan`).expect(200);
    expect(readable(board.text, 'board')).toContain(receiptCode);
    await web().post(`/web/meetings/${mid}/ballots/${bid}/dien-tu/xac-nhan`, {}).expect(303);
    const after = await web().get(`/web/meetings/${mid}/ballots/${bid}/may-chieu`).expect(200);
    const a = readable(after.text, 'projector after');
    expect(a).toContain('Kết quả kiểm phiếu');
    expect(after.text).not.toContain('data-refresh');
  });
});
