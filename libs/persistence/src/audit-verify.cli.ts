import { loadConfig } from '@notaflow/config';
import { verifyAuditChain } from './audit-chain';
import { createDataSource } from './data-source';

/** `npm run audit:verify`: exit 0 when the audit log's hash chain holds, 1 naming the first broken row. */
async function main(): Promise<number> {
  const config = loadConfig(process.env, 'migrations');
  const dataSource = createDataSource({ url: config.DATABASE_URL, applicationName: 'notaflow-audit-verify' });
  await dataSource.initialize();
  try {
    const report = await verifyAuditChain(dataSource);
    if (report.broken) {
      const { id, chainSeq, reason } = report.broken;
      process.stdout.write(`audit log broken at row id ${id} (chain ${chainSeq}): ${reason}\n`);
      return 1;
    }
    process.stdout.write(`audit log intact: ${report.rows} rows, last hash ${report.head || '(none)'}\n`);
    return 0;
  } finally {
    await dataSource.destroy();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(2);
  },
);
