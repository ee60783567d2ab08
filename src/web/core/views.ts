import * as fs from 'node:fs';
import * as path from 'node:path';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import Handlebars from 'handlebars';
import { TEMPLATES_DIR } from '../../documents/render/html-renderer';
import { codeLabel } from './code-labels';
import { formatDate, formatDateTime, formatNumber, formatPercent, scalar } from './format';

/** The pages' templates: `templates/web/` (layout, partials/, pages/<area>/<name>.hbs). */
export const WEB_TEMPLATES_DIR = path.join(TEMPLATES_DIR, 'web');

/** What the layout needs besides the page's own model (see `WebPageService.page`). */
export interface LayoutModel {
  title: string;
  user: { displayName: string; username: string; roleLabel: string } | null;
  csrfToken: string;
  nav: { href: string; label: string; current: boolean }[];
  notice: string | null;
  breadcrumbs: { href: string; label: string }[];
}

const PAGE_FILE = /\.hbs$/;

/** The layout's key among the sources (not a valid page name). */
const LAYOUT = ':layout';

function listPages(dir: string, prefix = ''): { name: string; file: string }[] {
  const out: { name: string; file: string }[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listPages(file, `${prefix}${entry.name}/`));
    else if (PAGE_FILE.test(entry.name))
      out.push({ name: `${prefix}${entry.name.replace(PAGE_FILE, '')}`, file });
  }
  return out;
}

/**
 * The web pages' Handlebars environment, separate from the documents' one. Every template is
 * compiled at its first use (`compileAll` compiles them all, from a unit test), not in strict mode
 * (optional parts of a model, such as a form without errors, render empty), with a fixed
 * set of helpers, no prototype access and every value escaped (no triple-stash anywhere).
 */
@Injectable()
export class WebViews implements OnModuleInit {
  private readonly hbs = Handlebars.create();
  /** Page sources by name, read at start; each is compiled at its first use. */
  private sources = new Map<string, string>();
  private readonly compiled = new Map<string, Handlebars.TemplateDelegate>();
  private ready = false;

  /**
   * Reads the templates and registers helpers and partials. Compiling them all here cost most of
   * a second of start-up (Handlebars' parser), so each is compiled at its first render;
   * `compileAll()` compiles every one, and a unit test calls it so that a broken template fails CI.
   */
  onModuleInit(): void {
    this.load();
  }

  /** Renders `pages/<name>.hbs` with `model`, inside the layout. */
  render(name: string, model: object, layout: LayoutModel): string {
    if (!this.ready) this.load();
    const page = this.template(name);
    const options = { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false };
    const body = page({ ...model, layout }, options);
    return this.template(LAYOUT)({ ...layout, body: new Handlebars.SafeString(body) }, options);
  }

  /** Compiles every page, the layout and every partial now; throws naming the broken file. */
  compileAll(): string[] {
    if (!this.ready) this.load();
    for (const name of this.sources.keys()) this.template(name);
    for (const [name, partial] of Object.entries(this.hbs.partials)) {
      try {
        if (typeof partial === 'string') this.hbs.precompile(partial);
      } catch (e) {
        throw new Error(`templates/web/partials/${name}.hbs: ${(e as Error).message}`);
      }
    }
    return [...this.sources.keys()];
  }

  private template(name: string): Handlebars.TemplateDelegate {
    const done = this.compiled.get(name);
    if (done) return done;
    const source = this.sources.get(name);
    if (source === undefined) throw new Error(`Không có trang "${name}" trong templates/web/pages`);
    let t: Handlebars.TemplateDelegate;
    try {
      // precompile parses now (compile alone would wait for the first call to parse).
      // preventIndent: a partial called from an indented line would otherwise have every line of
      // its output indented, a textarea's typed lines included (they came back changed).
      this.hbs.precompile(source, { preventIndent: true });
      t = this.hbs.compile(source, { strict: false, noEscape: false, preventIndent: true });
    } catch (e) {
      throw new Error(
        `templates/web/${name === LAYOUT ? 'layout' : `pages/${name}`}.hbs: ${(e as Error).message}`,
      );
    }
    this.compiled.set(name, t);
    return t;
  }

  private load(): void {
    const h = this.hbs;
    h.registerHelper('eq', (a: unknown, b: unknown) => a === b);
    h.registerHelper('ne', (a: unknown, b: unknown) => a !== b);
    h.registerHelper('gt', (a: unknown, b: unknown) => Number(a) > Number(b));
    h.registerHelper('lt', (a: unknown, b: unknown) => Number(a) < Number(b));
    h.registerHelper('and', (...args: unknown[]) => args.slice(0, -1).every(Boolean));
    h.registerHelper('or', (...args: unknown[]) => args.slice(0, -1).some(Boolean));
    h.registerHelper('not', (a: unknown) => !a);
    h.registerHelper('add', (a: unknown, b: unknown) => Number(a) + Number(b));
    h.registerHelper('num', (v: unknown, digits: unknown) =>
      formatNumber(v, typeof digits === 'number' ? digits : undefined),
    );
    h.registerHelper('percent', (v: unknown) => formatPercent(v));
    h.registerHelper('date', (v: unknown) => formatDate(v));
    h.registerHelper('datetime', (v: unknown) => formatDateTime(v));
    h.registerHelper('str', (v: unknown) => scalar(v));
    /** `{{codeLabel code}}`: a rule's or finding's Vietnamese name (the code itself never shows). */
    h.registerHelper('codeLabel', (v: unknown) => codeLabel(scalar(v)));
    /** `{{field-error form "name"}}`: the field's message, or empty. */
    h.registerHelper('fieldError', (form: unknown, name: unknown) => {
      const errors = (form as { errors?: Record<string, string> } | undefined)?.errors;
      return errors && typeof name === 'string' ? (errors[name] ?? '') : '';
    });
    /** `{{fieldValue form "name" fallback}}`: what was typed, else the stored value. */
    h.registerHelper('fieldValue', (form: unknown, name: unknown, fallback: unknown) => {
      const values = (form as { values?: Record<string, string> } | undefined)?.values;
      if (values && typeof name === 'string' && name in values) return values[name];
      return scalar(fallback);
    });
    h.registerHelper('concat', (...args: unknown[]) =>
      args
        .slice(0, -1)
        .map((a) => String(a))
        .join(''),
    );
    const partials = path.join(WEB_TEMPLATES_DIR, 'partials');
    for (const p of listPages(partials)) h.registerPartial(p.name, fs.readFileSync(p.file, 'utf8'));
    this.sources = new Map(
      listPages(path.join(WEB_TEMPLATES_DIR, 'pages')).map((p) => [
        p.name,
        fs.readFileSync(p.file, 'utf8'),
      ]),
    );
    this.sources.set(LAYOUT, fs.readFileSync(path.join(WEB_TEMPLATES_DIR, 'layout.hbs'), 'utf8'));
    this.compiled.clear();
    this.ready = true;
  }
}
