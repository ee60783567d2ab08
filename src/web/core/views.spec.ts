import { emptyForm } from './forms';
import { WebViews, type LayoutModel } from './views';

const layout = (over: Partial<LayoutModel> = {}): LayoutModel => ({
  title: 'Đăng nhập',
  user: null,
  csrfToken: '',
  nav: [],
  notice: null,
  breadcrumbs: [],
  ...over,
});

describe('web templates', () => {
  const views = new WebViews();
  views.onModuleInit();

  it('compiles every page, partial and the layout (a broken template fails here, not at a user)', () => {
    const names = views.compileAll();
    expect(names).toEqual(expect.arrayContaining(['login', 'dashboard', 'error']));
  });

  it('escapes every value: a name typed as markup comes back as text', () => {
    const html = views.render(
      'login',
      { form: { ...emptyForm({ username: '<script>alert(1)</script>' }) }, next: '/web' },
      layout({ notice: '"><img src=x onerror=alert(1)>' }),
    );
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('<html lang="vi">');
  });

  it('puts the message next to its field, marks it invalid and links it for screen readers', () => {
    const form = { ...emptyForm({ username: 'vanphong' }), errors: { username: 'Sai.' } };
    const html = views.render('login', { form, next: '/web' }, layout());
    expect(html).toMatch(
      /<input id="f-username" name="username" type="text" value="vanphong"[^>]* aria-invalid="true" aria-describedby="f-username-err">/,
    );
    expect(html).toContain('<p class="field-error" id="f-username-err">Sai.</p>');
  });

  it('names the page it cannot find', () => {
    expect(() => views.render('khong-co', {}, layout())).toThrow('khong-co');
  });
});
