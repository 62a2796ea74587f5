/**
 * Benchmark of `GET /api/v1/search`'s query over 100,000 notas (with remarks, document texts and deadlines), as the
 * API runs it (SearchRepository: full-text search on the GIN indexes, ranked, with passages), against what a user
 * would write instead: a plain ILIKE '%text%' over the same rows and sources, filtered by the same access rules,
 * newest first. Starts its own PostgreSQL in a temporary directory, prints one table and stops what it started.
 *
 *   node scripts/build.mjs && node dist/bench/search/search.bench.js [--notas N] [--rounds N] [--runs N]
 *
 * Each line is measured in rounds (the two queries interleaved, so a burst of load on a shared machine falls on
 * both); the p95 is the median of the rounds' p95s, with their lowest and highest as the spread.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { DataSource } from 'typeorm';
import { DEMO_USERS, type Actor } from '@notaflow/domain';
import {
  binder,
  createDataSource,
  deadlineVisibleTo,
  notaPartVisibleTo,
  notaVisibleTo,
  SearchRepository,
  UserRepository,
} from '@notaflow/persistence';
import { freePort } from '../../scripts/lib/ports';
import { startPostgres } from '../../scripts/lib/postgres';
import {
  fixed,
  loadAverage,
  machineLines,
  median,
  percentile,
  progress,
  runBenchmark,
  say,
  table,
} from '../support/run';
import { loadCorpus, RARE_WORD } from './corpus';

function argument(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
}

const NOTAS = argument('notas', 100_000);
const ROUNDS = argument('rounds', 5);
const RUNS = argument('runs', 20);
const LIMIT = 20;
const GOAL_P95_MS = 100;

const actor = (username: string): Actor => {
  const user = DEMO_USERS.find((u) => u.username === username)!;
  return { username: user.username, role: user.role, organisation: user.organisation };
};

/** The search a user writes without full-text search: every source, ILIKE, the same access rules, newest first. */
async function ilike(db: DataSource, who: Actor, text: string): Promise<number> {
  const { bind, params } = binder([`%${text.replace(/[\\%_]/g, '\\$&')}%`, text, LIMIT]);
  const rows: unknown[] = await db.query(
    `SELECT kind, id, title FROM (
       SELECT 'nota' AS kind, n.id, n.title, n.created_at FROM notas n
        WHERE (n.title ILIKE $1 OR n.ons_kenmerk = $2 OR n.uw_kenmerk ILIKE $1 OR n.dossier ILIKE $1
               OR EXISTS (SELECT 1 FROM tasks t WHERE t.nota_id = n.id AND t.remarks ILIKE $1
                            AND ${notaPartVisibleTo(who, bind, 't.organisation', 'n')})
               OR EXISTS (SELECT 1 FROM documents d JOIN document_texts x ON x.sha256 = d.sha256
                           WHERE d.nota_id = n.id AND d.nota_version = n.version AND x.pages::text ILIKE $1))
          AND ${notaVisibleTo(who, bind, 'n')}
       UNION ALL
       SELECT 'deadline', d.id, d.title, d.created_at FROM deadlines d
        WHERE d.title ILIKE $1 AND ${deadlineVisibleTo(who, bind, 'd')}
     ) hits
     ORDER BY created_at DESC, id LIMIT $3`,
    params,
  );
  return rows.length;
}

interface Line {
  what: string;
  who: Actor;
  q: string;
}

async function main(): Promise<void> {
  await runBenchmark('search', async (cleanup) => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'notaflow-bench-search-'));
    cleanup.add('temporary directory', () => rmSync(dir, { recursive: true, force: true }));
    const pg = await startPostgres({
      dataDir: path.join(dir, 'postgres'),
      port: await freePort(),
      database: 'notaflow_bench',
      // Durability off speeds up loading only; reads are what is measured.
      fast: true,
      logFile: path.join(dir, 'postgres.log'),
    });
    cleanup.add('PostgreSQL', () => pg.stop());
    const db = createDataSource({ url: pg.url, poolSize: 2, applicationName: 'notaflow-bench' });
    await db.initialize();
    cleanup.add('connections', () => db.destroy());
    await db.runMigrations({ transaction: 'each' });
    await new UserRepository(db).addMissing(DEMO_USERS, null);

    const began = performance.now();
    const corpus = await loadCorpus(db, NOTAS, (done) => process.stderr.write(`\rloaded ${done} notas`));
    process.stderr.write('\n');
    const loadSeconds = (performance.now() - began) / 1000;
    await db.query('VACUUM ANALYZE');

    const staff = actor('jenv.staff');
    const cosigner = actor('vws.signer');
    const lines: Line[] = [
      { what: 'ons kenmerk', who: staff, q: corpus.sample.onsKenmerk },
      { what: 'uw kenmerk', who: staff, q: corpus.sample.uwKenmerk },
      { what: 'Kamerstuk', who: staff, q: corpus.sample.kamerstuk },
      { what: 'rare word', who: staff, q: RARE_WORD },
      { what: 'common word', who: staff, q: 'brief' },
      { what: 'two words', who: staff, q: 'wachtlijsten jeugdzorg' },
      { what: 'rare word', who: cosigner, q: RARE_WORD },
      { what: 'common word', who: cosigner, q: 'brief' },
    ];
    const search = new SearchRepository(db);
    const methods = {
      fts: (line: Line) => search.search(line.who, line.q, LIMIT).then((hits) => hits.length),
      ilike: (line: Line) => ilike(db, line.who, line.q),
    };
    const times = lines.map(() => ({ fts: [] as number[][], ilike: [] as number[][] }));
    const found = lines.map(() => ({ fts: 0, ilike: 0 }));
    for (const [i, line] of lines.entries()) {
      for (const method of ['fts', 'ilike'] as const) found[i][method] = await methods[method](line);
    }
    for (let round = 0; round < ROUNDS; round++) {
      progress(`round ${round + 1} of ${ROUNDS}`);
      for (const [i, line] of lines.entries()) {
        for (const method of ['fts', 'ilike'] as const) {
          const run: number[] = [];
          for (let r = 0; r < RUNS; r++) {
            const t = performance.now();
            await methods[method](line);
            run.push(performance.now() - t);
          }
          times[i][method].push(run);
        }
      }
    }

    const [counts] = (await db.query(
      `SELECT (SELECT count(*) FROM notas)::int AS notas,
              (SELECT count(*) FROM notas WHERE title ILIKE '%brief%')::int AS brief,
              pg_size_pretty(pg_relation_size('notas_search_idx') + pg_relation_size('tasks_remarks_search_idx')
                + pg_relation_size('document_texts_search_idx') + pg_relation_size('deadlines_search_idx')) AS indexes`,
    )) as { notas: number; brief: number; indexes: string }[];
    const [{ server_version: version }] = (await db.query('SHOW server_version')) as { server_version: string }[];

    say();
    for (const line of machineLines([
      `PostgreSQL ${version} (embedded, default settings); load average ${loadAverage()}`,
    ])) {
      say(line);
    }
    say(
      `registry: ${counts.notas.toLocaleString('en')} notas (${counts.brief.toLocaleString('en')} with "brief" in ` +
        `the title), ${corpus.remarks.toLocaleString('en')} remarks, ${corpus.documents.toLocaleString('en')} ` +
        `document texts of 300 words, ${corpus.deadlines.toLocaleString('en')} deadlines; search indexes ` +
        `${counts.indexes}; loaded in ${loadSeconds.toFixed(0)} s`,
    );
    say(`${ROUNDS} rounds of ${RUNS} runs per line and query, after one warm-up; at most ${LIMIT} results`);
    say();
    const p95s = (rounds: number[][]) => rounds.map((run) => percentile(run, 0.95));
    const rows = lines.map((line, i) => {
      const fts = p95s(times[i].fts);
      const plain = p95s(times[i].ilike);
      return {
        line,
        fts,
        cells: [
          `${line.what} (${line.who.username}): "${line.q}"`,
          String(found[i].fts),
          fixed(median(times[i].fts.flat())),
          fixed(median(fts)),
          `${fixed(Math.min(...fts))}–${fixed(Math.max(...fts))}`,
          String(found[i].ilike),
          fixed(median(times[i].ilike.flat())),
          fixed(median(plain)),
          `${fixed(Math.min(...plain))}–${fixed(Math.max(...plain))}`,
        ],
      };
    });
    for (const text of table(
      [
        'line',
        'found',
        'p50 ms',
        'p95 ms',
        'p95 spread',
        'ILIKE found',
        'ILIKE p50 ms',
        'ILIKE p95 ms',
        'ILIKE p95 spread',
      ],
      rows.map((row) => row.cells),
    )) {
      say(text);
    }
    const met = rows.every((row) => median(row.fts) < GOAL_P95_MS);
    say();
    say(`goal (every line's p95 < ${GOAL_P95_MS} ms): ${met ? 'met' : 'NOT met'}`);
  });
}

void main();
