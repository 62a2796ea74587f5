// `npm run generate:api`: writes the web app's API types from the API's own OpenAPI document. Run it after changing
// a controller or a DTO; test/web-api-schema.spec.ts fails while the committed file differs from what this writes.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { apiDocument, webApiSchema, WEB_API_SCHEMA_FILE } from './lib/web-api-schema';

// Run compiled, from dist/scripts.
const root = path.resolve(__dirname, '../..');

async function main(): Promise<void> {
  const source = await webApiSchema(await apiDocument());
  await writeFile(path.join(root, WEB_API_SCHEMA_FILE), source);
  process.stdout.write(`wrote ${WEB_API_SCHEMA_FILE} (${source.split('\n').length} lines)\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `generate:api failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
