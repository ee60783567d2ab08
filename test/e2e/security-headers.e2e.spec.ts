import { createTestApp, type TestApp } from '../helpers/test-app';

const PAGES = ['/api/health', '/web/login', '/api/units'];

describe('security headers over plain HTTP (COOKIE_SECURE=false)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ seed: false, config: { COOKIE_SECURE: false, TRUST_PROXY: '' } });
  });
  afterAll(() => t.close());

  it.each(PAGES)('%s may not be framed by any page', async (url) => {
    const r = await t.anon().get(url);
    expect(r.headers['content-security-policy']).toMatch(/(^|;)\s*frame-ancestors 'none'\s*(;|$)/);
    expect(r.headers['x-frame-options']).toBe('DENY');
  });

  it.each(PAGES)(
    '%s sends no Strict-Transport-Security, not even when a client claims https',
    async (url) => {
      const plain = await t.anon().get(url);
      expect(plain.headers['strict-transport-security']).toBeUndefined();
      // no trusted proxy: X-Forwarded-Proto from the client itself is not believed
      const claimed = await t.anon().get(url).set('X-Forwarded-Proto', 'https');
      expect(claimed.headers['strict-transport-security']).toBeUndefined();
    },
  );
});

describe('security headers behind a trusted proxy that reports https', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({
      seed: false,
      config: { COOKIE_SECURE: false, TRUST_PROXY: 'loopback' },
    });
  });
  afterAll(() => t.close());

  it('sends Strict-Transport-Security only on requests the proxy received over https', async () => {
    const https = await t.anon().get('/api/health').set('X-Forwarded-Proto', 'https');
    expect(https.headers['strict-transport-security']).toMatch(
      /^max-age=31536000; includeSubDomains$/,
    );
    const http = await t.anon().get('/api/health').set('X-Forwarded-Proto', 'http');
    expect(http.headers['strict-transport-security']).toBeUndefined();
  });
});

describe('security headers with COOKIE_SECURE=true (served over HTTPS)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ seed: false, config: { COOKIE_SECURE: true } });
  });
  afterAll(() => t.close());

  it.each(PAGES)('%s sends Strict-Transport-Security and frame-ancestors none', async (url) => {
    const r = await t.anon().get(url);
    expect(r.headers['strict-transport-security']).toMatch(/^max-age=31536000; includeSubDomains$/);
    expect(r.headers['content-security-policy']).toMatch(/frame-ancestors 'none'/);
  });
});
