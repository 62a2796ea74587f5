import type { EntityManager } from 'typeorm';
import { searchKeyOf, SNIPPET_MARK, type Actor, type SearchKind, type SearchMatch } from '@notaflow/domain';
import { binder, deadlineVisibleTo, notaPartVisibleTo, notaVisibleTo } from '../access';
import { managerOf, type Database } from './database';

export interface SearchHit {
  kind: SearchKind;
  id: string;
  title: string;
  onsKenmerk: string | null;
  matchedIn: SearchMatch;
  /** The matching passage, each matching word between SNIPPET_MARK's marks. */
  snippet: string;
}

/**
 * How much a match weighs by where it is: an identifier names the nota, a title says what it is about; remarks and
 * documents mention many things in passing.
 */
const KEY_BONUS = 1;
const PASSING = 0.4;

const HEADLINE = `StartSel=${SNIPPET_MARK.start}, StopSel=${SNIPPET_MARK.stop}, MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "`;
const WHOLE = `StartSel=${SNIPPET_MARK.start}, StopSel=${SNIPPET_MARK.stop}, HighlightAll=true`;

/**
 * Full-text search over the registry (PostgreSQL, the `dutch` configuration; the vectors and their indexes come
 * from the search migration). Every source is filtered by the rules of `access.ts` before it is ranked: a search
 * never answers, counts or quotes what the caller may not open.
 */
export class SearchRepository {
  private readonly db: EntityManager;

  constructor(db: Database) {
    this.db = managerOf(db);
  }

  async search(actor: Actor, text: string, limit = 50): Promise<SearchHit[]> {
    const key = searchKeyOf(text);
    // The key is digits, lowercase letters, '/' and '-' only (searchKeyOf), so quoting it makes a one-lexeme query.
    const { bind, params } = binder([text, key === null ? null : `'${key}'`, limit]);
    const rows: SearchHit[] = await this.db.query(
      `WITH input AS (
         SELECT dutch_devoiced(websearch_to_tsquery('dutch', $1)) AS words, $2::tsquery AS key
       ), q AS (
         SELECT CASE WHEN key IS NULL THEN words ELSE words || key END AS query, key,
                words || dutch_voiced(words) AS highlight
           FROM input
       ), nota_hits AS (
         SELECT n.id AS nota_id,
                CASE WHEN q.key IS NOT NULL AND n.search_vector @@ q.key THEN 'kenmerk' ELSE 'title' END AS matched,
                ts_rank_cd(n.search_vector, q.query)
                  + CASE WHEN q.key IS NOT NULL AND n.search_vector @@ q.key THEN ${KEY_BONUS} ELSE 0 END AS rank,
                NULL::text AS source
           FROM q, notas n
          WHERE n.search_vector @@ q.query AND ${notaVisibleTo(actor, bind, 'n')}
         UNION ALL
         SELECT t.nota_id, 'remarks', ts_rank_cd(t.remarks_vector, q.query) * ${PASSING}, t.id::text
           FROM q, tasks t JOIN notas n ON n.id = t.nota_id
          WHERE t.remarks IS NOT NULL AND t.remarks_vector @@ q.query
            AND ${notaVisibleTo(actor, bind, 'n')} AND ${notaPartVisibleTo(actor, bind, 't.organisation', 'n')}
         UNION ALL
         SELECT d.nota_id, 'document', ts_rank_cd(x.search_vector, q.query) * ${PASSING}, x.sha256
           FROM q, document_texts x
           JOIN documents d ON d.sha256 = x.sha256
           JOIN notas n ON n.id = d.nota_id AND d.nota_version = n.version
          WHERE x.search_vector @@ q.query AND ${notaVisibleTo(actor, bind, 'n')}
       ), best AS (
         SELECT DISTINCT ON (nota_id) nota_id, matched, rank, source
           FROM nota_hits ORDER BY nota_id, rank DESC, matched
       ), top AS (
         SELECT 'nota' AS kind, nota_id AS id, matched, rank, source FROM best
         UNION ALL
         SELECT 'deadline', d.id, 'title', ts_rank_cd(d.search_vector, q.query), NULL
           FROM q, deadlines d
          WHERE d.search_vector @@ q.query AND ${deadlineVisibleTo(actor, bind, 'd')}
         ORDER BY rank DESC, kind DESC, id
         LIMIT $3
       )
       SELECT top.kind, top.id, coalesce(n.title, dl.title) AS title, n.ons_kenmerk AS "onsKenmerk",
              top.matched AS "matchedIn",
              CASE
                WHEN top.matched = 'kenmerk' THEN concat_ws(' · ', 'ons kenmerk ' || n.ons_kenmerk,
                  'uw kenmerk ' || n.uw_kenmerk, 'dossier ' || n.dossier,
                  'Kamerstuk ' || n.kamerstuk_dossier || ' nr. ' || n.kamerstuk_number)
                WHEN top.matched = 'remarks' THEN ts_headline('dutch', t.remarks, q.highlight, '${HEADLINE}')
                WHEN top.matched = 'document' THEN ts_headline('dutch', coalesce(page.text, x.pages->>0), q.highlight, '${HEADLINE}')
                ELSE ts_headline('dutch', coalesce(n.title, dl.title), q.highlight, '${WHOLE}')
              END AS snippet
         FROM top CROSS JOIN q
         LEFT JOIN notas n ON top.kind = 'nota' AND n.id = top.id
         LEFT JOIN deadlines dl ON top.kind = 'deadline' AND dl.id = top.id
         LEFT JOIN tasks t ON top.matched = 'remarks' AND t.id::text = top.source
         LEFT JOIN document_texts x ON top.matched = 'document' AND x.sha256 = top.source
         LEFT JOIN LATERAL (
           -- The first page that matches: a headline over a whole document would parse all of it.
           SELECT p.text FROM jsonb_array_elements_text(x.pages) WITH ORDINALITY AS p(text, at)
            WHERE dutch_devoiced(to_tsvector('dutch', p.text)) @@ q.query
            ORDER BY p.at LIMIT 1
         ) page ON top.matched = 'document'
        ORDER BY top.rank DESC, top.kind DESC, top.id`,
      params,
    );
    return rows;
  }
}
