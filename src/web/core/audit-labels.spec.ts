import * as fs from 'node:fs';
import * as path from 'node:path';
import { AUDIT_ACTION_LABELS, AUDIT_ENTITY_LABELS } from './audit-labels';

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const f = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'web' || e.name === 'domain' ? [] : sources(f);
    return f.endsWith('.ts') && !f.endsWith('.spec.ts') ? [f] : [];
  });
}

describe('audit labels', () => {
  const src = sources(path.join(__dirname, '..', '..'))
    .filter((f) => /audit\.record|recorded\(/.test(fs.readFileSync(f, 'utf8')))
    .map((f) => fs.readFileSync(f, 'utf8'))
    .join('\n');

  it('names in Vietnamese every action the services write to the audit log', () => {
    const literal = [
      ...src.matchAll(/action: '([a-z_.]+)'/g),
      ...src.matchAll(/recorded\(em, [\w.]+, '([a-z_.]+)'/g),
    ].map((m) => m[1]!);
    expect(literal.length).toBeGreaterThan(30);
    // Actions built from a status or a stage, with every value they can take.
    const built = [
      ...[
        'draft',
        'proposed',
        'submitted',
        'passed',
        'cut',
        'decided',
        'rejected',
        'withdrawn',
      ].map((s) => `nomination.${s}`),
      ...['self', 'review', 'agreed'].flatMap((s) => [`scores.${s}`, `scores.import.${s}`]),
    ];
    const missing = [...new Set([...literal, ...built])].filter((a) => !AUDIT_ACTION_LABELS[a]);
    expect(missing).toEqual([]);
  });

  it('names every record type', () => {
    const types = [...src.matchAll(/entityType: '([a-z_]+)'/g)].map((m) => m[1]!);
    expect(types.length).toBeGreaterThan(10);
    expect([...new Set(types)].filter((t) => !AUDIT_ENTITY_LABELS[t])).toEqual([]);
  });
});
