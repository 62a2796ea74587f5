import type { DataSource } from 'typeorm';
import { createDataSource, DeadlineRepository } from '@notaflow/persistence';
import type { DeadlineWatches } from '@notaflow/temporal';
import { TestDatabase } from '../../../../test/support/database';
import { DeadlineWatchService } from './deadline-watch.service';

/** Watches that take their time to start, as Temporal does under load: long enough for a second sweep to meet the first. */
class SlowWatches implements DeadlineWatches {
  readonly ensured: string[][] = [];
  ensure(deadlineIds: readonly string[]): Promise<void> {
    this.ensured.push([...deadlineIds]);
    return new Promise((resolve) => setTimeout(resolve, 500));
  }
}

describe('the deadline-watch sweep on several replicas', () => {
  let db: TestDatabase;
  let other: DataSource;

  beforeAll(async () => {
    db = await TestDatabase.open();
    // The second replica: a pool of its own on the same database.
    other = createDataSource({ url: (db.dataSource.options as { url: string }).url, poolSize: 3 });
    await other.initialize();
  });
  afterAll(async () => {
    await other?.destroy();
    await db?.close();
  });

  it('sweeps once a minute for the whole system, not once per replica', async () => {
    const staff = await db.newUser('drafter');
    // Open, without a watch, and past the grace a request that registers one has to start it itself.
    const [{ id }] = (await db.dataSource.query(
      `INSERT INTO deadlines (kind, title, due_on, original_due_on, organisation_code, created_by, created_at)
       VALUES ('motie', 'Motie Bikker c.s.', current_date + 30, current_date + 30, 'JENV', $1, now() - interval '5 minutes')
       RETURNING id`,
      [staff.username],
    )) as { id: string }[];
    const replicas = [db.dataSource, other].map((source) => {
      const watches = new SlowWatches();
      const deadlines = new DeadlineRepository(source);
      return { watches, service: new DeadlineWatchService(watches, deadlines, source) };
    });

    // Both replicas' timers fire at once.
    await Promise.all(replicas.map((r) => r.service.sweep()));
    const ensured = replicas.flatMap((r) => r.watches.ensured);
    expect(ensured).toEqual([[id]]);

    // The next minute, whoever comes first sweeps again.
    await replicas[1].service.sweep();
    expect(replicas[1].watches.ensured.flat().filter((x) => x === id).length).toBeGreaterThanOrEqual(1);
  });
});
