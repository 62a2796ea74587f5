import { createHash, randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { DEMO_USERS, type Actor } from '@notaflow/domain';
import { createDataSource, DocumentRepository, UserRepository } from '@notaflow/persistence';
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

/**
 * A nota document for a version, registered as an upload would be: specs of the registry need the row (a nota is
 * submitted with one), not the bytes, which the blob store's own specs cover. Answers its SHA-256.
 */
export async function addNotaDocument(db: DataSource, notaId: string, version = 1, createdBy = 'jenv.staff') {
  const sha256 = createHash('sha256').update(`${notaId} version ${version}`).digest('hex');
  const documents = new DocumentRepository(db);
  await documents.transaction((tx) =>
    documents.add(tx, {
      id: randomUUID(),
      notaId,
      notaVersion: version,
      role: 'nota',
      title: null,
      fileName: 'nota.pdf',
      mediaType: 'application/pdf',
      size: 1024,
      sha256,
      createdBy,
    }),
  );
  return sha256;
}
