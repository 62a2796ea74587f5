import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { FlowFigure, FlowMetricsRepository } from '@notaflow/persistence';
import { AppMetrics, FROM_POSTGRESQL, THIS_REPLICAS_OWN } from './app-metrics';
import { FlowMetricsCollector } from './flow-metrics.collector';

const FIGURES: FlowFigure[] = [
  { metric: 'flows', label: 'in_review', value: 3 },
  { metric: 'flows', label: 'dispatched', value: 2 },
  { metric: 'open_tasks', label: 'initialling', value: 4 },
  { metric: 'overdue_tasks', label: 'initialling', value: 1 },
  { metric: 'view_age', label: null, value: 12 },
  { metric: 'view_refresh', label: null, value: 0.5 },
];

/** The rows of docs/analytics.md's table under "Metrics across replicas": name, where it comes from, how it adds up. */
function documentedRows(): Map<string, { source: string; across: string }> {
  const text = readFileSync(path.resolve(__dirname, '../../../../docs/analytics.md'), 'utf8');
  const section = text.split('## Metrics across replicas')[1]?.split('\n## ')[0] ?? '';
  const rows = new Map<string, { source: string; across: string }>();
  for (const line of section.split('\n')) {
    const cells = line.split('|').map((cell) => cell.trim());
    const name = /^`(notaflow_[a-z_]+)`$/.exec(cells[1] ?? '')?.[1];
    if (name) rows.set(name, { source: cells[2], across: cells[3] });
  }
  return rows;
}

/**
 * Whoever reads the API's metrics from several replicas must know which to add up and which to take once: the
 * figures the collector reads from PostgreSQL say so in their help, the others too, and docs/analytics.md agrees.
 */
describe('metrics across replicas', () => {
  let fromPostgresql: Set<string>;
  let help: Map<string, string>;

  beforeAll(async () => {
    const metrics = new AppMetrics();
    const own = async () =>
      (await metrics.registry.getMetricsAsJSON()).filter((metric) => metric.name.startsWith('notaflow_'));
    const values = async () => new Map((await own()).map((metric) => [metric.name, JSON.stringify(metric.values)]));
    const before = await values();
    const repository = { figures: () => Promise.resolve(FIGURES) } as unknown as FlowMetricsRepository;
    await new FlowMetricsCollector(repository, metrics).collect();
    const after = await values();
    fromPostgresql = new Set([...after].filter(([name, value]) => before.get(name) !== value).map(([name]) => name));
    help = new Map((await own()).map((metric) => [metric.name, metric.help]));
  });

  it('reads the flow, task and analytics-view figures from PostgreSQL, and says so in their help', () => {
    expect([...fromPostgresql].sort()).toEqual([
      'notaflow_analytics_view_age_seconds',
      'notaflow_analytics_view_refresh_duration_seconds',
      'notaflow_flows_completed_total',
      'notaflow_flows_started_total',
      'notaflow_open_tasks',
      'notaflow_overdue_open_tasks',
    ]);
    for (const [name, text] of help) {
      expect([name, text.includes(fromPostgresql.has(name) ? FROM_POSTGRESQL : THIS_REPLICAS_OWN)]).toEqual([
        name,
        true,
      ]);
    }
  });

  it('documents every metric, with max for a figure from PostgreSQL and a sum for one of the replica', () => {
    const rows = documentedRows();
    expect([...rows.keys()].sort()).toEqual([...help.keys()].sort());
    for (const [name, row] of rows) {
      const expected = fromPostgresql.has(name)
        ? { source: expect.stringMatching(/^PostgreSQL/), across: expect.stringContaining('max without (instance)') }
        : { source: expect.stringMatching(/^the replica/), across: expect.stringMatching(/add up/) };
      expect({ name, ...row }).toEqual({ name, ...expected });
    }
  });
});
