import * as fs from 'node:fs';
import * as path from 'node:path';
import { PATH_METADATA } from '@nestjs/common/constants';
import { PUBLIC_KEY, SCOPE_KEY, type ScopeParams } from '../common/http/permission.decorator';

/** Every route of every controller in src/: its full path and declared scope parameters. */
function routes(): {
  where: string;
  path: string;
  scope: ScopeParams | undefined;
  isPublic: boolean;
}[] {
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.controller.ts')) files.push(p);
    }
  };
  walk(path.join(__dirname, '..'));
  const out: ReturnType<typeof routes> = [];
  for (const file of files) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require(file) as Record<string, unknown>;
    for (const [name, cls] of Object.entries(mod)) {
      if (typeof cls !== 'function') continue;
      const prefix = Reflect.getMetadata(PATH_METADATA, cls) as string | undefined;
      if (prefix === undefined) continue;
      const proto = (cls as { prototype: Record<string, unknown> }).prototype;
      for (const method of Object.getOwnPropertyNames(proto)) {
        const handler = proto[method];
        if (method === 'constructor' || typeof handler !== 'function') continue;
        const sub = Reflect.getMetadata(PATH_METADATA, handler) as string | undefined;
        if (sub === undefined) continue;
        out.push({
          where: `${name}.${method}`,
          path: `/${prefix}/${sub}`.replace(/\/+/g, '/'),
          scope: Reflect.getMetadata(SCOPE_KEY, handler) as ScopeParams | undefined,
          isPublic: Reflect.getMetadata(PUBLIC_KEY, handler) === true,
        });
      }
    }
  }
  return out;
}

/** The parameter names that name a bloc, unit, meeting, … on every route today. */
const SCOPING = ['unitId', 'setId', 'mid', 'did', 'bid', 'nid', 'evidenceId'];

describe('route scopes (declared with the permission)', () => {
  const all = routes();

  it('finds the routes', () => {
    expect(all.length).toBeGreaterThan(150);
  });

  it('declares only parameters the route has (renaming one fails here, not in production)', () => {
    const wrong = all.flatMap((r) =>
      Object.values(r.scope ?? {})
        .filter((name) => !new RegExp(`:${name as string}(/|$)`).test(r.path))
        .map((name) => `${r.where} ${r.path}: ${name as string}`),
    );
    expect(wrong).toEqual([]);
  });

  it('declares the scope of every route that names a bloc, unit, meeting, ballot, document, nomination, criteria set or evidence', () => {
    // A public route (the delegate's voting pages, the document check) places nobody in a scope.
    const missing = all.flatMap((r) => {
      if (r.isPublic) return [];
      const declared = new Set(Object.values(r.scope ?? {}));
      const params = [...r.path.matchAll(/:([A-Za-z]+)/g)].map((m) => m[1]!);
      const named = params.filter((p) => SCOPING.includes(p));
      if (/\/blocs\/:id(\/|$)/.test(r.path)) named.push('id');
      return named.filter((p) => !declared.has(p)).map((p) => `${r.where} ${r.path}: ${p}`);
    });
    expect(missing).toEqual([]);
  });
});
