import type { MigrationInterface, QueryRunner } from 'typeorm';

// `28638`, `28 638` and ` 28  638 ` are one dossier: the Kamer writes it `28 638` (`36 410-VI` with a suffix).
const SQUEEZED = `upper(regexp_replace(%s, '\\s', '', 'g'))`;
const CANONICAL = `regexp_replace(${SQUEEZED}, '^(\\d{2})(\\d{3})', '\\1 \\2')`;
const NORMALISABLE = `${SQUEEZED} ~ '^\\d{5}(-[A-Z0-9]{1,6})?$'`;

/**
 * Registry details the seeds show (issue 15):
 * - dossier numbers in the Kamer's spelling, however they were typed;
 * - a Kamerstuk (dossier + nr.) belongs to one nota;
 * - a nota's document date (the `Datum` of the seeds) apart from when it was registered;
 * - the Kamerstukken a nota concerns, as `[{ "dossier": "28 638", "number": 216 }]`.
 */
export class RegistryDetails1763910200000 implements MigrationInterface {
  name = 'RegistryDetails1763910200000';

  async up(db: QueryRunner): Promise<void> {
    for (const [table, column] of [
      ['notas', 'dossier'],
      ['notas', 'kamerstuk_dossier'],
      ['deadlines', 'dossier'],
    ]) {
      const squeezed = (sql: string) => sql.replaceAll('%s', column);
      await db.query(`UPDATE ${table} SET ${column} = ${squeezed(CANONICAL)} WHERE ${squeezed(NORMALISABLE)}`);
    }
    await db.query(`
      CREATE UNIQUE INDEX notas_kamerstuk_key ON notas (kamerstuk_dossier, kamerstuk_number)
        WHERE kamerstuk_number IS NOT NULL`);
    await db.query(`
      ALTER TABLE notas
        ADD COLUMN document_date date,
        ADD COLUMN kamerstukken jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(kamerstukken) = 'array')`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE notas DROP COLUMN kamerstukken, DROP COLUMN document_date`);
    await db.query(`DROP INDEX notas_kamerstuk_key`);
  }
}
