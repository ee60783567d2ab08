import type { Page } from 'playwright-core';
import { visibleText } from '../helpers/page-text';
import { signIn, startWebHarness, type WebHarness } from './browser-harness';

type Mark = 'Tán thành' | 'Không tán thành' | 'Không có ý kiến';

/**
 * Issue 18 in a browser: the seeded bloc's 2023 meeting holds its certificate ballot electronically.
 * The secretary creates it "Điện tử" on the console and opens it; the projector page is open; 12
 * delegates, each in a browser context of their own (a phone), open the slip's link, review and
 * cast; the vote closes by itself, the projector shows the result only after the committee's
 * confirmation, the counts equal what was cast, the tally, finalization and the vote-count minutes
 * follow, and every delegate finds their receipt on the board.
 */
describe('Web: electronic secret ballot with 12 phones and a projector (Chromium)', () => {
  let h: WebHarness;
  let blocId: number;
  let secretary: Page;
  let projector: Page;
  let meetingId: number;
  let ballotId: number;
  let codes: string[];
  let meritTierId: number;
  const receipts: string[] = [];
  // 12 ballots on Gia Lộc and Kim Thành (1 seat)
  const ballots: Mark[][] = [
    ...Array.from({ length: 8 }, (): Mark[] => ['Tán thành', 'Không tán thành']),
    ['Không tán thành', 'Tán thành'],
    ['Không tán thành', 'Tán thành'],
    ['Không có ý kiến', 'Tán thành'],
    ['Không có ý kiến', 'Không có ý kiến'],
  ];
  const nominees = ['Gia Lộc', 'Kim Thành'];

  beforeAll(async () => {
    h = await startWebHarness({ seedMeeting: false });
    const http = h.t.http();
    blocId = (await http.get('/api/blocs').expect(200)).body.items[0].id;
    const units = (await http.get('/api/units?pageSize=100').expect(200)).body.items as {
      id: number;
      shortName: string;
    }[];
    const tiers = (await http.get('/api/award-tiers').expect(200)).body as {
      id: number;
      code: string;
    }[];
    meritTierId = tiers.find((t) => t.code === 'PROV_MERIT')!.id;
    for (const name of nominees)
      await http
        .post(`/api/blocs/${blocId}/terms/2023/nominations`)
        .send({
          unitId: units.find((u) => u.shortName === name)!.id,
          tierId: tiers.find((t) => t.code === 'PROV_MERIT')!.id,
          achievementSummary: 'Hoàn thành xuất sắc nhiệm vụ năm 2023.',
        })
        .expect(201);
    let m = (
      await http
        .post(`/api/blocs/${blocId}/terms/2023/meetings`)
        .send({
          meetingDate: '2024-03-28',
          startTime: '08:00',
          place: 'Hội trường UBND thành phố Hải Dương',
          chairName: 'Nguyễn Văn Hùng',
          secretaryName: 'Trần Thị Lan',
          countingCommittee: [{ name: 'Lê Văn Cường', role: 'Trưởng ban' }],
          guests: [],
          agenda: ['Bình xét, suy tôn (bỏ phiếu kín điện tử)'],
        })
        .expect(201)
    ).body;
    const term = (await http.get(`/api/blocs/${blocId}/terms/2023`).expect(200)).body;
    m = (
      await http
        .put(`/api/meetings/${m.id}/attendance`)
        .send({
          version: m.version,
          rows: term.members.map((u: { id: number }) => ({ unitId: u.id, present: true })),
        })
        .expect(200)
    ).body;
    await http.post(`/api/meetings/${m.id}/open`).send({ version: m.version }).expect(200);
    meetingId = m.id;
    const s = await h.account({ username: 'thuky.dt', role: 'BLOC_SECRETARY', blocIds: [blocId] });
    secretary = await (await h.context()).newPage();
    secretary.on('dialog', (d) => void d.accept());
    await signIn(secretary, s);
  }, 180_000);
  afterAll(async () => {
    await h?.close();
  });

  const submit = async (page: Page, name: string | RegExp) => {
    await Promise.all([
      page.waitForEvent('load'),
      page.getByRole('button', { name }).first().click(),
    ]);
  };

  it('creates the ballot "Điện tử" on the console, opens it, and the projector shows the turnout', async () => {
    await secretary.goto(`/web/meetings/${meetingId}`);
    await secretary.getByLabel('Hình thức khen thưởng').selectOption(String(meritTierId));
    await secretary.getByLabel('Số lượng được chọn').fill('1');
    await secretary
      .getByLabel('Hình thức bỏ phiếu')
      .selectOption({ label: 'Điện tử (đại biểu bỏ phiếu kín trên điện thoại)' });
    await submit(secretary, 'Thêm phiếu bầu');
    await submit(secretary, /^Mở phiếu Bằng khen/);
    const view = (await h.t.http().get(`/api/meetings/${meetingId}`).expect(200)).body;
    ballotId = view.ballots[0].id;
    expect(view.ballots[0]).toMatchObject({ mode: 'ELECTRONIC', status: 'OPEN' });
    await Promise.all([
      secretary.waitForEvent('load'),
      secretary.getByRole('link', { name: /Điều hành bỏ phiếu điện tử/ }).click(),
    ]);
    expect(await secretary.locator('main').textContent()).toContain('In phiếu mã');
    codes = (
      await h.t.http().get(`/api/ballots/${ballotId}/electronic/slips`).expect(200)
    ).body.slips.map((x: { code: string }) => x.code);
    expect(codes).toHaveLength(12);
    projector = await (await h.context()).newPage();
    await signIn(projector, 'thuky.dt');
    await projector.goto(`/web/meetings/${meetingId}/ballots/${ballotId}/may-chieu`);
    expect(visibleText(await projector.content())).toMatch(/Đã bỏ 0 \/ 12 phiếu/);
  }, 120_000);

  /**
   * What the projector shows now. While voting the projector page reloads itself every 5 s
   * (voting.js), so reloading the open page can meet one of its own reloads (net::ERR_ABORTED,
   * "Not attached to an active page", a detached frame). The test reads through a fresh tab of the
   * same signed-in context instead, opened, read at once and closed; the open projector tab keeps
   * running beside it. On a very busy machine even the fresh tab may reload before it is read:
   * then it is tried again, at most five times.
   */
  async function readProjector(): Promise<string> {
    for (let attempt = 1; ; attempt++) {
      const tab = await projector.context().newPage();
      try {
        await tab.goto(`/web/meetings/${meetingId}/ballots/${ballotId}/may-chieu`);
        return visibleText(await tab.content());
      } catch (e) {
        const raced =
          /ERR_ABORTED|navigating|frame was detached|Not attached|context was destroyed/.test(
            String(e),
          );
        if (!raced || attempt === 5) throw e;
      } finally {
        await tab.close();
      }
    }
  }

  it('lets 12 delegates vote from their phones, one context each; an over-vote is stopped before casting', async () => {
    for (let i = 0; i < 12; i++) {
      const phone = await h.browser.newContext({
        baseURL: h.baseUrl,
        locale: 'vi-VN',
        viewport: { width: 360, height: 640 },
        isMobile: true,
      });
      phone.setDefaultTimeout(15_000);
      const page = await phone.newPage();
      // the slip's QR code: the code after "#", filled in by the page and removed from the address
      await page.goto(`/web/bp/${ballotId}#${codes[i]!.replace(/-/g, '')}`);
      expect(await page.getByLabel('Mã bỏ phiếu').inputValue()).toBe(codes[i]!.replace(/-/g, ''));
      expect(page.url()).not.toContain('#');
      await submit(page, 'Tiếp tục');
      if (i === 0) {
        // two approvals for one seat: the reason shows and the button is disabled
        for (const n of nominees)
          await page
            .getByRole('group', { name: n })
            .getByLabel('Tán thành', { exact: true })
            .check();
        expect(
          await page.getByRole('alert').filter({ hasText: 'nhiều hơn số được chọn (1)' }).count(),
        ).toBe(1);
        expect(
          await page.getByRole('button', { name: 'Xem lại trước khi bỏ phiếu' }).isDisabled(),
        ).toBe(true);
      }
      for (let k = 0; k < nominees.length; k++)
        await page
          .getByRole('group', { name: nominees[k]! })
          .getByLabel(ballots[i]![k]!, { exact: true })
          .check();
      await submit(page, 'Xem lại trước khi bỏ phiếu');
      expect(await page.locator('main').textContent()).toContain('Xác nhận phiếu');
      await submit(page, 'Bỏ phiếu');
      const receipt = (await page.locator('.receipt').first().textContent())!.trim();
      expect(receipt).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
      receipts.push(receipt);
      await phone.close();
      if (i === 5) {
        const shown = await readProjector();
        expect(shown).toMatch(/Đã bỏ 6 \/ 12 phiếu/);
        expect(shown).not.toContain('Kết quả kiểm phiếu');
      }
    }
    expect(await readProjector()).toContain('Đã kết thúc bỏ phiếu: 12 / 12 phiếu');
  }, 300_000);

  it('publishes the board, the committee confirms, and the tally, finalization and minutes follow', async () => {
    const board = await (await h.context()).newPage();
    await board.goto(`/web/bp/${ballotId}/bien-nhan`);
    const text = visibleText(await board.content());
    for (const r of receipts) expect(text).toContain(r);

    await secretary.goto(`/web/meetings/${meetingId}/ballots/${ballotId}/dien-tu`);
    await submit(secretary, 'Ban kiểm phiếu xác nhận kết quả');
    const m = (await h.t.http().get(`/api/meetings/${meetingId}`).expect(200)).body;
    const b = m.ballots[0];
    const agree = nominees.map((_, k) => ballots.filter((x) => x[k] === 'Tán thành').length);
    expect(b.acceptedCounts.nominees.map((n: { agree: number }) => n.agree)).toEqual(agree);
    expect(b.acceptedCounts).toMatchObject({ ballotsIssued: 12, ballotsReturned: 12, valid: 12 });
    expect(b.status).toBe('DECIDED');
    expect(b.winners.map((u: { shortName: string }) => u.shortName)).toEqual(['Gia Lộc']);

    const shown = await readProjector();
    expect(shown).toContain('Kết quả kiểm phiếu');
    expect(shown).toContain('Gia Lộc');

    await h.t
      .http()
      .post(`/api/meetings/${meetingId}/finalize`)
      .send({ version: m.version })
      .expect(200);
    const doc = (
      await h.t
        .http()
        .post(`/api/meetings/${meetingId}/documents`)
        .send({ kind: 'VOTE_COUNT' })
        .expect(201)
    ).body;
    const html = (await h.t.http().get(`/api/documents/${doc.id}/van-ban.html`).expect(200)).text;
    const minutes = visibleText(html);
    expect(minutes).toContain('bỏ phiếu kín bằng hình thức điện tử');
    expect(minutes).toContain(
      'số mã bỏ phiếu đã cấp: 12; đã dùng: 12; đã hủy (phiếu mã báo mất): 0',
    );
    for (const r of receipts) expect(minutes).toContain(r);
  }, 180_000);
});
