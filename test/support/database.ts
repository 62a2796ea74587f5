import { randomInt, randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { buildRouteTemplate, type Actor, type NotaStatus, type Role, type RouteChoice } from '@notaflow/domain';
import { createDataSource } from '@notaflow/persistence';
import { createTestDatabase } from './stack';

/**
 * A migrated database of its own for the specs of one service on a real PostgreSQL, and the registry rows those
 * specs start from, written directly: a spec of one service does not go through another.
 */
export class TestDatabase {
  private constructor(readonly dataSource: DataSource) {}

  static async open(): Promise<TestDatabase> {
    const dataSource = createDataSource({ url: await createTestDatabase(), poolSize: 4 });
    await dataSource.initialize();
    return new TestDatabase(dataSource);
  }

  async close(): Promise<void> {
    await this.dataSource.destroy();
  }

  /** A user the registry knows, with a name of its own. */
  async newUser(role: Role, organisation = 'JENV'): Promise<Actor> {
    const actor: Actor = {
      username: `${organisation.toLowerCase()}.${role}.${randomUUID().slice(0, 8)}`,
      role,
      organisation,
    };
    await this.dataSource.query(
      `INSERT INTO users (username, display_name, role, organisation_code) VALUES ($1, $1, $2, $3)`,
      [actor.username, actor.role, actor.organisation],
    );
    return actor;
  }

  /** A nota of `by`'s organisation, in `status`, on a route with the co-signers and ministerraad given. */
  async newNota(
    by: Actor,
    { status = 'draft', route = {} }: { status?: NotaStatus; route?: Partial<RouteChoice> } = {},
  ): Promise<string> {
    const id = randomUUID();
    const template = buildRouteTemplate({
      reviewers: [],
      decider: by.username,
      coSigners: [],
      ministerraad: false,
      ...route,
    });
    // Past the draft, as the flow leaves it: submitted, which is what other ministries' sight follows.
    await this.dataSource.query(
      `INSERT INTO notas (id, ons_kenmerk, title, organisation_code, created_by, route, status, submitted_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, CASE WHEN $7 = 'draft' THEN NULL ELSE now() END)`,
      [id, String(randomInt(1_000_000, 10_000_000)), 'Nota', by.organisation, by.username, template, status],
    );
    return id;
  }
}
