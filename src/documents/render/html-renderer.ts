import * as fs from 'node:fs';
import * as path from 'node:path';
import Handlebars from 'handlebars';
import type { DocumentViewModel } from '../../domain/documents/view-model';

/** Where the Handlebars templates live: `templates/` at the project root (from src/ and from dist/). */
export const TEMPLATES_DIR = path.join(__dirname, '..', '..', '..', 'templates');

/** Version of the document templates, printed in every footer and stored with each document. */
export const TEMPLATE_VERSION = 'nd30-2024.1';

let compiled: Handlebars.TemplateDelegate<DocumentViewModel> | null = null;

/**
 * Compiles the trusted templates once, in an isolated Handlebars environment: only the `eq` and
 * `lookup` helpers, no prototype access, every value HTML-escaped (no triple-stash in the templates).
 * Strict mode: a printed field (`{{title}}`, `{{header.issuer}}`, a signature's `{{name}}`…) missing
 * from the view model throws instead of printing nothing. Fields only some block types have are
 * tested, not printed, and a helper's argument is not checked (`{{#if center}}`, `{{#if lead}}`,
 * `{{#if note}}`, `{{#if watermark}}`), so one block template still serves every block type. Strict
 * mode also assumes the objects along a path exist: `signatures.[0].left` needs a first signature
 * row, which every builder gives.
 */
function template(): Handlebars.TemplateDelegate<DocumentViewModel> {
  if (compiled) return compiled;
  const hbs = Handlebars.create();
  hbs.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  for (const name of ['nd30-header', 'signature', 'recipients']) {
    hbs.registerPartial(
      name,
      fs.readFileSync(path.join(TEMPLATES_DIR, 'partials', `${name}.hbs`), 'utf8'),
    );
  }
  const source = fs.readFileSync(path.join(TEMPLATES_DIR, 'document.hbs'), 'utf8');
  compiled = hbs.compile<DocumentViewModel>(source, {
    strict: true,
    knownHelpersOnly: true,
    knownHelpers: { eq: true, lookup: true },
  });
  return compiled;
}

/** Compiles the templates now (at start-up) so that a broken template fails the start, not a request. */
export function precompileTemplates(): void {
  template();
}

/** Renders a document's view model as HTML with print CSS (A4, Decree 30 margins). */
export function renderHtml(vm: DocumentViewModel): string {
  return template()(vm, {
    allowProtoPropertiesByDefault: false,
    allowProtoMethodsByDefault: false,
  });
}
