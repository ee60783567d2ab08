import { gzipSync } from 'node:zlib';
import { createTestApp, rowCounts, type TestApp } from '../helpers/test-app';
import { openVotingBallot, type VotingBallot } from '../helpers/voting-ballot';

const PASSWORD = 'mat-khau-thu-nghiem-2024';
const nested = (levels: number) => '{"a":'.repeat(levels) + '1' + '}'.repeat(levels);
const validUnit = {
  code: 'HD-MOI',
  shortName: 'Mới',
  type: 'HUYEN',
  fullName: 'huyện Mới',
  collectiveName: 'Đảng bộ, chính quyền và nhân dân huyện Mới',
  provinceId: 1,
  validFrom: '2024-01-01',
};

interface Detail {
  field?: string;
  code: string;
  message: string;
}

/**
 * Issue #14, items 4–7 and 9: hostile bodies are refused with a coded 4xx before any service
 * runs (never a 500, nothing written, no stack in the log), unknown fields are named, and field
 * errors carry the project's codes with Vietnamese messages that say the expected format.
 */
describe('hostile and malformed request bodies', () => {
  let t: TestApp;
  let ballot: VotingBallot;
  let cookie: string;
  let csrf: string;
  let errorLog: jest.SpyInstance;

  beforeAll(async () => {
    t = await createTestApp({ seed: true, seedMeeting: false });
    ballot = await openVotingBallot(t, { withFirstEntry: true });
    await t.login({ username: 'web.vanphong', role: 'OFFICE_ADMIN' });
    const login = await t
      .anon()
      .post('/web/login')
      .type('form')
      .send({ username: 'web.vanphong', password: PASSWORD })
      .expect(303);
    cookie = String(login.headers['set-cookie']?.[0] ?? '').split(';')[0]!;
    const home = await t.anon().get('/web').set('Cookie', cookie).expect(200);
    csrf = /name="csrf-token" content="([^"]+)"/.exec(home.text)![1]!;
  });
  beforeEach(() => {
    errorLog = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  });
  afterEach(() => errorLog.mockRestore());
  afterAll(() => t.close());

  describe('item 4: body-parser errors, without signing in, on /api and /web', () => {
    const form2000 = Array.from({ length: 2000 }, (_, i) => `f${i}=1`).join('&');
    const cases: [string, string, string, string, number, string][] = [
      // label, content-type, content-encoding, body, status, code
      [
        'a 1.1 MB JSON body',
        'application/json',
        '',
        JSON.stringify({ code: 'x'.repeat(1_100_000) }),
        413,
        'PAYLOAD_TOO_LARGE',
      ],
      [
        'a form with 2,000 fields',
        'application/x-www-form-urlencoded',
        '',
        form2000,
        413,
        'TOO_MANY_FIELDS',
      ],
      [
        'a broken gzip body',
        'application/json',
        'gzip',
        '{"code":"not gzip"}',
        400,
        'MALFORMED_REQUEST',
      ],
      [
        'Content-Encoding: x-unknown',
        'application/json',
        'x-unknown',
        '{}',
        415,
        'UNSUPPORTED_ENCODING',
      ],
      [
        'charset=ebcdic (JSON)',
        'application/json; charset=ebcdic',
        '',
        '{}',
        415,
        'UNSUPPORTED_CHARSET',
      ],
      [
        'charset=ebcdic (form)',
        'application/x-www-form-urlencoded; charset=ebcdic',
        '',
        'a=1',
        415,
        'UNSUPPORTED_CHARSET',
      ],
      ['malformed JSON', 'application/json', '', '{"code":', 400, 'MALFORMED_REQUEST'],
    ];

    it.each(cases)('%s → coded %#', async (_label, type, encoding, body, status, code) => {
      for (const url of ['/api/units', '/api/auth/login', '/web/login', '/web/units']) {
        const req = t.anon().post(url).set('content-type', type);
        if (encoding) req.set('content-encoding', encoding);
        const res = await req.send(body);
        expect({ url, status: res.status }).toEqual({ url, status });
        if (url.startsWith('/api')) {
          expect(res.body).toMatchObject({
            statusCode: status,
            code,
            requestId: expect.any(String),
          });
          expect(res.body.message).toMatch(/[ạảãáàâăêôơưđ]/);
        } else {
          expect(res.headers['content-type']).toMatch(/text\/html/);
          expect(res.text).toContain(code);
        }
      }
      // a client error is not a server fault: nothing at error level, so no stack trace
      expect(errorLog).not.toHaveBeenCalled();
    });

    it('still reads a well-formed gzip JSON body', async () => {
      const res = await t
        .anon()
        .post('/api/auth/login')
        .set('content-type', 'application/json')
        .set('content-encoding', 'gzip')
        // sent as bytes: superagent would otherwise serialise a Buffer as JSON
        .serialize((b: Buffer) => b as unknown as string)
        .send(gzipSync(Buffer.from(JSON.stringify({ username: 'khong.co', password: 'sai' }))));
      expect(res.status).toBe(401);
    });
  });

  describe('item 5: deeply nested JSON', () => {
    it('refuses a body nested 3,000 levels with 400 BODY_TOO_DEEP, writing nothing', async () => {
      const before = await rowCounts(t.dataSource);
      for (const url of ['/api/units', `/api/ballots/${ballot.ballotId}/entries`]) {
        const res = await t
          .http()
          .post(url)
          .set('content-type', 'application/json')
          .send(nested(3000));
        expect({ url, status: res.status, code: res.body.code }).toEqual({
          url,
          status: 400,
          code: 'BODY_TOO_DEEP',
        });
      }
      expect(await rowCounts(t.dataSource)).toEqual(before);
      expect(errorLog).not.toHaveBeenCalled();
    });

    it('refuses 33 levels and lets 32 through to the usual validation', async () => {
      const deep = await t
        .http()
        .post('/api/units')
        .set('content-type', 'application/json')
        .send(nested(33));
      expect(deep.body.code).toBe('BODY_TOO_DEEP');
      const ok = await t
        .http()
        .post('/api/units')
        .set('content-type', 'application/json')
        .send(nested(32));
      expect(ok.status).toBe(400);
      expect(ok.body.code).toBe('VALIDATION_FAILED');
    });
  });

  describe('item 6: a ballot entry without counts, or with counts of the wrong shape', () => {
    const entries = () => `/api/ballots/${ballot.ballotId}/entries`;
    const refusals: [
      string,
      () => Promise<{ status: number; body: { code: string; details: Detail[] } }>,
      string,
    ][] = [
      ['{}', () => t.as(ballot.counter).post(entries()).send({}), 'FIELD_REQUIRED'],
      [
        'counts: null',
        () => t.as(ballot.counter).post(entries()).send({ counts: null }),
        'FIELD_REQUIRED',
      ],
      [
        'counts as an array',
        () => t.as(ballot.counter).post(entries()).send({ counts: [] }),
        'FIELD_NOT_OBJECT',
      ],
      [
        'counts as a string',
        () => t.as(ballot.counter).post(entries()).send({ counts: 'x' }),
        'FIELD_NOT_OBJECT',
      ],
      [
        'text/plain',
        () =>
          t.as(ballot.counter).post(entries()).set('content-type', 'text/plain').send('counts=1'),
        'FIELD_REQUIRED',
      ],
      [
        'XML',
        () =>
          t
            .as(ballot.counter)
            .post(entries())
            .set('content-type', 'application/xml')
            .send('<counts/>'),
        'FIELD_REQUIRED',
      ],
      [
        'PUT {"version":1}',
        () => t.as(ballot.secretary).put(`${entries()}/1`).send({ version: ballot.entryVersion }),
        'FIELD_REQUIRED',
      ],
    ];
    it.each(refusals)('%s → 400 naming counts, nothing written', async (_label, send, code) => {
      const before = await rowCounts(t.dataSource);
      const res = await send();
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(res.body.details).toEqual(
        expect.arrayContaining([expect.objectContaining({ field: 'counts', code })]),
      );
      expect(await rowCounts(t.dataSource)).toEqual(before);
      expect(errorLog).not.toHaveBeenCalled();
    });

    it('refuses nominees that are not objects (null, a list) inside counts', async () => {
      for (const bad of [null, [], 5]) {
        const res = await t
          .as(ballot.counter)
          .post(entries())
          .send({ counts: { ...ballot.counts, nominees: [bad] } });
        expect(res.status).toBe(400);
        expect(res.body.details).toContainEqual({
          field: 'counts.nominees',
          code: 'FIELD_NOT_OBJECT',
          message: 'Mỗi phần tử của danh sách "counts.nominees" phải là một đối tượng.',
        });
      }
      expect(errorLog).not.toHaveBeenCalled();
    });
  });

  describe('item 7: unknown fields, prototype keys included, are refused and named', () => {
    it.each([
      ['constructor', '{"a":1}'],
      ['hasOwnProperty', '1'],
      ['toString', '"x"'],
      ['valueOf', '0'],
      ['__proto__', '{"admin":true}'],
      ['isPrototypeOf', 'null'],
      ['unknownField', '1'],
    ])(
      'POST /api/units with "%s" → 400 FIELD_NOT_ALLOWED naming it, nothing written',
      async (key, value) => {
        const before = await rowCounts(t.dataSource);
        const body = JSON.stringify(validUnit).replace(/}$/, `,"${key}":${value}}`);
        const res = await t
          .http()
          .post('/api/units')
          .set('content-type', 'application/json')
          .send(body);
        expect(res.status).toBe(400);
        expect(res.body.code).toBe('VALIDATION_FAILED');
        expect(res.body.details).toContainEqual({
          field: key,
          code: 'FIELD_NOT_ALLOWED',
          message: `Trường "${key}" không được phép gửi lên.`,
        });
        expect(await rowCounts(t.dataSource)).toEqual(before);
      },
    );

    it('names a prototype key inside a nested object by its path', async () => {
      const res = await t
        .as(ballot.counter)
        .post(`/api/ballots/${ballot.ballotId}/entries`)
        .set('content-type', 'application/json')
        .send(JSON.stringify({ counts: { ...ballot.counts, toString: 'x' } }));
      expect(res.status).toBe(400);
      expect(res.body.details).toContainEqual(
        expect.objectContaining({ field: 'counts.toString', code: 'FIELD_NOT_ALLOWED' }),
      );
    });

    it('accepts the same unit without the unknown field (the refusals were for the field)', async () => {
      await t.http().post('/api/units').send(validUnit).expect(201);
    });
  });

  describe('item 9: field errors carry project codes and say the expected format', () => {
    it('answers FIELD_PATTERN, FIELD_TOO_LONG, FIELD_REQUIRED … never a class-validator name', async () => {
      const res = await t
        .http()
        .post('/api/award-tiers')
        .send({ code: 'pm merit', name: 'x'.repeat(1000), level: 'x' });
      expect(res.status).toBe(400);
      const details = res.body.details as Detail[];
      expect(details.find((d) => d.field === 'code')).toEqual({
        field: 'code',
        code: 'FIELD_PATTERN',
        message:
          'Trường "code" không đúng định dạng mã hình thức: chữ in hoa không dấu, số và dấu gạch dưới, bắt đầu bằng chữ (ví dụ PM_MERIT).',
        params: {
          format:
            'mã hình thức: chữ in hoa không dấu, số và dấu gạch dưới, bắt đầu bằng chữ (ví dụ PM_MERIT)',
        },
      });
      expect(details).toContainEqual(
        expect.objectContaining({ field: 'name', code: 'FIELD_TOO_LONG' }),
      );
      expect(details.some((d) => d.code === 'FIELD_REQUIRED')).toBe(true);
      for (const d of details) expect(d.code).toMatch(/^[A-Z][A-Z_]+$/);
      expect(res.body).toEqual({
        statusCode: 400,
        code: 'VALIDATION_FAILED',
        message: expect.stringContaining('Dữ liệu gửi lên không hợp lệ.'),
        details: expect.any(Array),
        requestId: expect.any(String),
      });
    });

    it('names the time format of a meeting and the length bounds of a code', async () => {
      const time = await t
        .http()
        .put(`/api/meetings/${ballot.meetingId}`)
        .send({ version: 1, startTime: '8h' });
      expect(time.body.details).toContainEqual(
        expect.objectContaining({
          field: 'startTime',
          code: 'FIELD_PATTERN',
          message: expect.stringContaining('giờ HH:mm'),
        }),
      );
      const long = await t
        .http()
        .post('/api/units')
        .send({ ...validUnit, code: 'X'.repeat(40) });
      expect(long.body.details).toContainEqual({
        field: 'code',
        code: 'FIELD_TOO_LONG',
        message: 'Trường "code" không được dài quá 32 ký tự.',
      });
    });

    it('shows the Vietnamese message, with the format, next to the field of a web form', async () => {
      const res = await t
        .anon()
        .post('/web/units')
        .set('Cookie', cookie)
        .type('form')
        .send({ _csrf: csrf, ...validUnit, code: 'mã có dấu', provinceId: '1' });
      expect(res.status).toBe(400);
      expect(res.text).toContain('Trường này không đúng định dạng mã đơn vị: chữ cái không dấu');
      expect(res.text).not.toMatch(/FIELD_PATTERN|\bmatches\b/);
    });
  });
});
