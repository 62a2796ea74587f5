import type { DataSource, EntityManager } from 'typeorm';
import { managerOf } from './manager';

/** What the health check asks of PostgreSQL: that it answers. */
export class HealthRepository {
  private readonly db: EntityManager;

  constructor(source: DataSource | EntityManager) {
    this.db = managerOf(source);
  }

  async ping(): Promise<void> {
    await this.db.query('SELECT 1');
  }
}
