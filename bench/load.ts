/* Load (autocannon) and sequential latency measurements. */
import autocannon from 'autocannon';
import type { Api } from './harness';
import { median, msSince } from './stats';

export interface LoadResult {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  /** Mean size of a response (bytes, headers included). */
  bytes: number;
}

export async function load(
  baseUrl: string,
  token: string,
  url: string,
  seconds: number,
  connections: number,
): Promise<LoadResult> {
  const r = await autocannon({
    url: `${baseUrl}${url}`,
    connections,
    duration: seconds,
    headers: { authorization: `Bearer ${token}` },
  });
  return {
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    errors: r.errors + r.timeouts + r.non2xx,
    bytes: r.requests.total > 0 ? r.throughput.total / r.requests.total : 0,
  };
}

/** Median latency of sequential requests (one at a time), after a warm-up. */
export async function sequentialLatency(api: Api, url: string, warmup: number, runs: number) {
  for (let i = 0; i < warmup; i++) await api.ok('GET', url);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = process.hrtime.bigint();
    await api.ok('GET', url);
    times.push(msSince(t));
  }
  return median(times);
}
