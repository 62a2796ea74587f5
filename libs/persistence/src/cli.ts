import { loadConfig } from '@notaflow/config';
import { migrateOnce } from './advisory-lock';
import { createDataSource } from './data-source';

/** `npm run migration:run|revert|show`, on the same data source the app uses. */
async function main(command: string | undefined): Promise<void> {
  const config = loadConfig(process.env, 'migrations');
  const dataSource = createDataSource({ url: config.DATABASE_URL, applicationName: 'notaflow-migrations' });
  await dataSource.initialize();
  try {
    switch (command) {
      case 'run': {
        const done = await migrateOnce(dataSource);
        process.stdout.write(done.length ? done.map((m) => `applied ${m.name}\n`).join('') : 'up to date\n');
        break;
      }
      case 'revert':
        await dataSource.undoLastMigration({ transaction: 'each' });
        process.stdout.write('reverted the last migration\n');
        break;
      case 'show': {
        const pending = await dataSource.showMigrations();
        process.stdout.write(pending ? 'migrations pending\n' : 'up to date\n');
        break;
      }
      default:
        throw new Error(`unknown command "${command ?? ''}": use run, revert or show`);
    }
  } finally {
    await dataSource.destroy();
  }
}

main(process.argv[2]).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
