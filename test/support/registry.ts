import type { DataSource } from 'typeorm';
import { DEMO_USERS, type Actor } from '@notaflow/domain';
import { createDataSource, UserRepository } from '@notaflow/persistence';
import { createTestDatabase } from './stack';

/**
 * A registry of the spec's own: a migrated database with the demo users (without passwords: nobody signs in), for
 * specs of services and repositories that need PostgreSQL but neither the API nor Temporal.
 */
export async function openTestRegistry(): Promise<DataSource> {
  const dataSource = await createDataSource({ url: await createTestDatabase(), poolSize: 4 }).initialize();
  await new UserRepository(dataSource).addMissing(DEMO_USERS, null);
  return dataSource;
}

/** A demo user as the API knows them once signed in. */
export function demoActor(username: string): Actor {
  const user = DEMO_USERS.find((u) => u.username === username);
  if (!user) throw new Error(`no demo user ${username}`);
  return { username: user.username, role: user.role, organisation: user.organisation };
}
