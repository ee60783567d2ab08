import type { TestApp } from './test-app';

export interface WebRoute {
  method: string;
  path: string;
}

/**
 * Every route Express knows under /web, from the router of the running app (Express 5). Middleware
 * mounted for every method (the request logger, which Nest mounts on each route's path) shows up as
 * a route answering every HTTP verb; no page of thidua answers ACL, so such a layer is not a page.
 */
export function webRoutes(t: TestApp): WebRoute[] {
  const express = t.app.getHttpAdapter().getInstance() as {
    router?: { stack: { route?: { path: string; methods: Record<string, boolean> } }[] };
  };
  const out: WebRoute[] = [];
  for (const layer of express.router?.stack ?? []) {
    const r = layer.route;
    if (!r || typeof r.path !== 'string' || !r.path.startsWith('/web')) continue;
    if (r.methods.acl) continue;
    for (const [m, on] of Object.entries(r.methods))
      if (on && m !== '_all') out.push({ method: m.toUpperCase(), path: r.path });
  }
  return out;
}
