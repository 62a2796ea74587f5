import type { EntityManager } from 'typeorm';
import { managerOf, type Database } from './database';

/** What the health check asks of PostgreSQL: that it answers. */
export class HealthRepository {
  private readonly db: EntityManager;

  constructor(source: Database) {
    this.db = managerOf(source);
  }

  async ping(): Promise<void> {
    await this.db.query('SELECT 1');
  }
}
