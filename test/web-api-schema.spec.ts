import { readFileSync } from 'node:fs';
import path from 'node:path';
import { apiDocument, webApiSchema, WEB_API_SCHEMA_FILE } from '../scripts/lib/web-api-schema';

const root = path.resolve(__dirname, '..');

describe("the web app's API types", () => {
  it(`are generated from the API's current OpenAPI document (else run \`npm run generate:api\`)`, async () => {
    const generated = await webApiSchema(await apiDocument());
    const committed = readFileSync(path.join(root, WEB_API_SCHEMA_FILE), 'utf8');
    expect(committed).toBe(generated);
  }, 60_000);
});
