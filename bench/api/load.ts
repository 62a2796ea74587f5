/**
 * The load generator, in a process of its own that tasks.bench.ts pins to one core (taskset), so that it never takes
 * the server's core. Reads its job from the JSON file named by its argument, runs autocannon, checks every answer's
 * status and body as it comes, and prints one JSON line: what it counted.
 */
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';

export interface LoadJob {
  url: string;
  connections: number;
  seconds: number;
  headers: Record<string, string>;
  /** The status every answer must have (200, or 304 for a revalidation). */
  status: number;
  /** The body every answer must have, byte for byte. */
  bodyFile: string;
}

export interface LoadResult {
  /** Answers with the expected status and body. */
  good: number;
  seconds: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  mismatches: number;
  wrongStatus: number;
  errors: number;
  timeouts: number;
  statusCodes: Record<string, number>;
}

async function main(): Promise<void> {
  const job = JSON.parse(readFileSync(process.argv[2], 'utf8')) as LoadJob;
  const expected = readFileSync(job.bodyFile, 'utf8');
  const result = await autocannon({
    url: job.url,
    connections: job.connections,
    duration: job.seconds,
    headers: job.headers,
    verifyBody: (body) => body === expected,
  });
  const statusCodes = Object.fromEntries(Object.entries(result.statusCodeStats).map(([k, v]) => [k, v.count]));
  const answered = Object.values(statusCodes).reduce((sum, n) => sum + n, 0);
  const wrongStatus = answered - (statusCodes[String(job.status)] ?? 0);
  const report: LoadResult = {
    good: (statusCodes[String(job.status)] ?? 0) - result.mismatches,
    seconds: result.duration,
    p50: result.latency.p50,
    p90: result.latency.p90,
    p99: result.latency.p99,
    max: result.latency.max,
    mismatches: result.mismatches,
    wrongStatus,
    errors: result.errors,
    timeouts: result.timeouts,
    statusCodes,
  };
  process.stdout.write(`${JSON.stringify(report)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`load generator failed: ${(error as Error)?.stack ?? error}\n`);
  process.exit(1);
});
