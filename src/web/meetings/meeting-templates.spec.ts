import { emptyForm } from '../core/forms';
import { WebViews, type LayoutModel } from '../core/views';
import { ticked } from '../core/forms';

const layout: LayoutModel = {
  title: 'Phiếu bầu',
  user: null,
  csrfToken: '',
  nav: [],
  notice: null,
  breadcrumbs: [],
};

describe('meetings pages: a refused form keeps its ticks', () => {
  const views = new WebViews();
  views.onModuleInit();

  it('ticked(): the submitted group, or null when that form was not submitted', () => {
    expect(ticked(emptyForm(), 'kinds')).toBeNull();
    expect([...ticked(emptyForm({ kinds: ',MINUTES,PROPOSAL' }), 'kinds')!]).toEqual([
      'MINUTES',
      'PROPOSAL',
    ]);
    expect(ticked(emptyForm({ kinds: '' }), 'kinds')!.size).toBe(0);
    expect(ticked(emptyForm({ note: '' }), 'chosenUnitIds', 'note')!.size).toBe(0);
  });

  it("the chair's decision: the choices as sent, the group's message inside its fieldset", () => {
    const form = {
      ...emptyForm({ chosenUnitIds: '7', note: 'Theo điểm' }),
      errors: { chosenUnitIds: 'Chọn đúng 1 đơn vị.' },
    };
    const html = views.render(
      'meetings/ballot',
      {
        meeting: { id: 1 },
        ballot: { id: 2, seats: 1 },
        canWrite: true,
        form,
        results: {
          lines: [],
          winners: [],
          warnings: [],
          tie: {
            sentence: 'Hòa phiếu.',
            pending: true,
            protocol: 'CHAIR_DECIDES',
            seats: 1,
            candidates: [
              { value: 7, label: 'Cẩm Giàng', checked: true },
              { value: 8, label: 'Gia Lộc', checked: false },
            ],
          },
        },
      },
      layout,
    );
    const fieldset =
      /<fieldset[^>]*aria-describedby="chosenUnitIds-err"[^>]*>([\s\S]*?)<\/fieldset>/.exec(html);
    expect(fieldset).not.toBeNull();
    expect(fieldset![1]).toContain(
      '<p class="field-error" id="chosenUnitIds-err">Chọn đúng 1 đơn vị.</p>',
    );
    expect(fieldset![1]).toMatch(/value="7" checked[^>]*> Cẩm Giàng/);
    expect(fieldset![1]).toMatch(/value="8"(?! checked)[^>]*> Gia Lộc/);
    expect(html).toContain('Theo điểm');
  });

  it('attendance: the written ballot as sent, its message next to it', () => {
    const forms = {
      attendance: {
        ...emptyForm({ version: '3', 'present.5': '0' }),
        errors: { 'written.5': 'Sai.' },
      },
    };
    const html = views.render(
      'meetings/console',
      {
        meeting: { id: 1, version: 3, quorum: {} },
        canEditAttendance: true,
        forms,
        rows: [{ id: 5, name: 'Gia Lộc', present: '0', written: true, writtenChecked: false }],
      },
      layout,
    );
    const box = /<input type="checkbox" id="written-5"[^>]*>/.exec(html)![0];
    expect(box).not.toContain('checked');
    expect(box).toContain('aria-describedby="written-5-err"');
    expect(html).toContain('<p class="field-error" id="written-5-err">Sai.</p>');
  });
});
