import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Full-text search over what a user looks a nota up by: its title and identifiers, the remarks given on it, its
 * documents' text; and the deadlines by title. Each is a tsvector of the `dutch` configuration with a GIN index.
 *
 * Snowball's Dutch stemmer keeps the voiced consonant of a plural (`brieven` -> `briev`, `brief` -> `brief`;
 * `huizen` -> `huiz`), so a search for one form would miss the other: `dutch_devoiced` writes a final v or z of
 * every lexeme as f or s, on both the indexed vectors and the queries, so they meet.
 *
 * Identifiers (ons kenmerk, uw kenmerk and its halves, the dossier, the Kamerstuk) are added whole as lexemes in the
 * form `searchKeyOf` writes a query in: `28638-248` for Kamerstuk 28 638 nr. 248. A document's text is kept by a
 * trigger, not a generated column, because it is cut to a length a tsvector can hold.
 */
export class Search1763910300000 implements MigrationInterface {
  name = 'Search1763910300000';

  async up(db: QueryRunner): Promise<void> {
    // On the text forms: a lexeme's closing quote is never followed by another quote, an escaped one always is.
    for (const [type, name, from, to] of [
      ['tsvector', 'dutch_devoiced', 'vz', 'fs'],
      ['tsquery', 'dutch_devoiced', 'vz', 'fs'],
      ['tsquery', 'dutch_voiced', 'fs', 'vz'],
    ]) {
      await db.query(`
        CREATE FUNCTION ${name}(value ${type}) RETURNS ${type} LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
          SELECT regexp_replace(regexp_replace(value::text, '${from[0]}''(?!'')', '${to[0]}''', 'g'),
                                '${from[1]}''(?!'')', '${to[1]}''', 'g')::${type}
        $$`);
    }
    await db.query(`
      CREATE FUNCTION search_keys(keys text[]) RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT setweight(array_to_tsvector(array_remove(array_remove(keys, NULL), '')), 'A')
      $$`);

    await db.query(`
      ALTER TABLE notas ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
        setweight(dutch_devoiced(to_tsvector('dutch', title)), 'A') ||
        search_keys(ARRAY[
          ons_kenmerk::text,
          lower(uw_kenmerk),
          lower(split_part(uw_kenmerk, '/', 1)),
          lower(split_part(uw_kenmerk, '/', 2)),
          lower(replace(dossier, ' ', '')),
          lower(replace(kamerstuk_dossier, ' ', '')) || '-' || kamerstuk_number::text
        ])
      ) STORED`);
    await db.query(`CREATE INDEX notas_search_idx ON notas USING gin (search_vector)`);

    await db.query(`
      ALTER TABLE tasks ADD COLUMN remarks_vector tsvector GENERATED ALWAYS AS (
        dutch_devoiced(to_tsvector('dutch', coalesce(remarks, '')))
      ) STORED`);
    await db.query(
      `CREATE INDEX tasks_remarks_search_idx ON tasks USING gin (remarks_vector) WHERE remarks IS NOT NULL`,
    );

    await db.query(`
      ALTER TABLE deadlines ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
        setweight(dutch_devoiced(to_tsvector('dutch', title)), 'A') ||
        search_keys(ARRAY[lower(replace(dossier, ' ', ''))])
      ) STORED`);
    await db.query(`CREATE INDEX deadlines_search_idx ON deadlines USING gin (search_vector)`);

    // A tsvector holds at most 1 MB; the first 400,000 characters of a text stay well below it.
    await db.query(`ALTER TABLE document_texts ADD COLUMN search_vector tsvector`);
    await db.query(`
      CREATE FUNCTION document_texts_search_vector() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.search_vector := dutch_devoiced(to_tsvector('dutch', left(
          (SELECT coalesce(string_agg(page, E'\\n'), '') FROM jsonb_array_elements_text(NEW.pages) AS page), 400000)));
        RETURN NEW;
      END $$`);
    await db.query(`
      CREATE TRIGGER document_texts_search_vector BEFORE INSERT OR UPDATE OF pages ON document_texts
        FOR EACH ROW EXECUTE FUNCTION document_texts_search_vector()`);
    await db.query(`UPDATE document_texts SET pages = pages`);
    await db.query(`CREATE INDEX document_texts_search_idx ON document_texts USING gin (search_vector)`);

    // A word found in most rows is ranked over its newest matches only (SearchRepository): these let each source be
    // read newest first and stop early, instead of reading every match.
    await db.query(`CREATE INDEX notas_created_idx ON notas (created_at DESC)`);
    await db.query(`CREATE INDEX tasks_remarks_newest_idx ON tasks (created_at DESC) WHERE remarks IS NOT NULL`);
    await db.query(`CREATE INDEX documents_newest_idx ON documents (created_at DESC)`);
    await db.query(`CREATE INDEX deadlines_organisation_created_idx ON deadlines (organisation_code, created_at DESC)`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const index of [
      'deadlines_organisation_created_idx',
      'documents_newest_idx',
      'tasks_remarks_newest_idx',
      'notas_created_idx',
    ]) {
      await db.query(`DROP INDEX ${index}`);
    }
    await db.query('DROP TRIGGER document_texts_search_vector ON document_texts');
    await db.query('DROP FUNCTION document_texts_search_vector');
    await db.query('ALTER TABLE document_texts DROP COLUMN search_vector');
    await db.query('ALTER TABLE deadlines DROP COLUMN search_vector');
    await db.query('ALTER TABLE tasks DROP COLUMN remarks_vector');
    await db.query('ALTER TABLE notas DROP COLUMN search_vector');
    await db.query('DROP FUNCTION search_keys');
    await db.query('DROP FUNCTION dutch_voiced');
    await db.query('DROP FUNCTION dutch_devoiced(tsquery)');
    await db.query('DROP FUNCTION dutch_devoiced(tsvector)');
  }
}
