// `npm run migration:create -- <name>`: a new, empty migration in libs/persistence/src/migrations, named by the
// time and the given name, for the one data source the API and the `migration:*` commands share. It still has to be
// added to the ordered list in libs/persistence/src/data-source.ts, which this prints.
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const name = process.argv[2] ?? '';
if (!/^[a-z][a-z0-9-]*$/.test(name)) {
  process.stderr.write('usage: npm run migration:create -- <name in kebab-case, e.g. nota-archive>\n');
  process.exit(2);
}
const timestamp = Date.now();
const className = `${name.replace(/(^|-)([a-z0-9])/g, (_, __, c) => c.toUpperCase())}${timestamp}`;
const file = path.join(root, 'libs/persistence/src/migrations', `${timestamp}-${name}.ts`);
if (existsSync(file)) {
  process.stderr.write(`${path.relative(root, file)} exists already\n`);
  process.exit(1);
}
writeFileSync(
  file,
  `import type { MigrationInterface, QueryRunner } from 'typeorm';

/** What this migration changes, and why. */
export class ${className} implements MigrationInterface {
  name = '${className}';

  async up(db: QueryRunner): Promise<void> {
    await db.query(\`\`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(\`\`);
  }
}
`,
);
process.stdout.write(
  `created ${path.relative(root, file)}\n` +
    `add it to the list in libs/persistence/src/data-source.ts:\n` +
    `  import { ${className} } from './migrations/${timestamp}-${name}';\n`,
);
