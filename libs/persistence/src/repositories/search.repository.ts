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
 * How much a match weighs by where it is: an identifier names the nota, so it comes before any match of words (whose
 * cover-density rank reaches about 1 for a short title); a title says what a nota is about; remarks and documents
 * mention many things in passing.
 */
const KEY_BONUS = 100;
const PASSING = 0.4;
/**
 * Of each source, the newest matches that are ranked. A word found in half the registry ("brief") says little of
 * which nota is meant; ranking all of them would cost a read of half the registry per search, and the newest are
 * then the likelier. A search matching fewer is ranked whole.
 */
const CANDIDATES = 200;
/** Marks both spellings of a devoiced word: `brieven` is indexed as `brief` but its text still reads `brieven`. */
const HIGHLIGHT = `(dutch_devoiced(websearch_to_tsquery('dutch', $1)) || dutch_voiced(dutch_devoiced(websearch_to_tsquery('dutch', $1))))`;

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
    const { bind, params } = binder([text, limit, ...(key === null ? [] : [`'${key}'`])]);
    // Written out, not read from a CTE: the planner folds them into constants and estimates how many rows match.
    const words = `dutch_devoiced(websearch_to_tsquery('dutch', $1))`;
    const query = key === null ? words : `(${words} || $3::tsquery)`;
    const keyMatch = (vector: string) => (key === null ? 'false' : `${vector} @@ $3::tsquery`);
    const newest = (source: string) => `ORDER BY ${source}.created_at DESC LIMIT ${CANDIDATES}`;
    const rows: SearchHit[] = await this.db.query(
      `WITH nota_hits AS (
         SELECT id AS nota_id, CASE WHEN ${keyMatch('v')} THEN 'kenmerk' ELSE 'title' END AS matched,
                ts_rank_cd(v, ${query}) + CASE WHEN ${keyMatch('v')} THEN ${KEY_BONUS} ELSE 0 END AS rank,
                NULL::uuid AS task_id, NULL::text AS sha256
           FROM (SELECT n.id, n.search_vector AS v FROM notas n
                  WHERE n.search_vector @@ ${query} AND ${notaVisibleTo(actor, bind, 'n')} ${newest('n')}) c
         UNION ALL
         SELECT nota_id, 'remarks', ts_rank_cd(v, ${query}) * ${PASSING}, id, NULL
           FROM (SELECT t.id, t.nota_id, t.remarks_vector AS v FROM tasks t JOIN notas n ON n.id = t.nota_id
                  WHERE t.remarks IS NOT NULL AND t.remarks_vector @@ ${query}
                    AND ${notaVisibleTo(actor, bind, 'n')} AND ${notaPartVisibleTo(actor, bind, 't.organisation', 'n')}
                  ${newest('t')}) c
         UNION ALL
         SELECT nota_id, 'document', ts_rank_cd(v, ${query}) * ${PASSING}, NULL, sha256
           FROM (SELECT d.nota_id, d.sha256, x.search_vector AS v FROM document_texts x
                   JOIN documents d ON d.sha256 = x.sha256
                   JOIN notas n ON n.id = d.nota_id AND d.nota_version = n.version
                  WHERE x.search_vector @@ ${query} AND ${notaVisibleTo(actor, bind, 'n')} ${newest('d')}) c
       ), best AS (
         SELECT DISTINCT ON (nota_id) nota_id, matched, rank, task_id, sha256
           FROM nota_hits ORDER BY nota_id, rank DESC, matched
       ), top AS (
         SELECT 'nota' AS kind, nota_id AS id, matched, rank, task_id, sha256 FROM best
         UNION ALL
         SELECT 'deadline', id, 'title', ts_rank_cd(v, ${query}), NULL, NULL
           FROM (SELECT d.id, d.search_vector AS v FROM deadlines d
                  WHERE d.search_vector @@ ${query} AND ${deadlineVisibleTo(actor, bind, 'd')} ${newest('d')}) c
         ORDER BY rank DESC, kind DESC, id
         LIMIT $2
       )
       SELECT top.kind, top.id, coalesce(n.title, dl.title) AS title, n.ons_kenmerk AS "onsKenmerk",
              top.matched AS "matchedIn",
              CASE
                WHEN top.matched = 'kenmerk' THEN concat_ws(' · ', 'ons kenmerk ' || n.ons_kenmerk,
                  'uw kenmerk ' || n.uw_kenmerk, 'dossier ' || n.dossier,
                  'Kamerstuk ' || n.kamerstuk_dossier || ' nr. ' || n.kamerstuk_number)
                WHEN top.matched = 'remarks' THEN ts_headline('dutch', t.remarks, ${HIGHLIGHT}, '${HEADLINE}')
                WHEN top.matched = 'document'
                  THEN ts_headline('dutch', coalesce(page.text, x.pages->>0), ${HIGHLIGHT}, '${HEADLINE}')
                ELSE ts_headline('dutch', coalesce(n.title, dl.title), ${HIGHLIGHT}, '${WHOLE}')
              END AS snippet
         FROM top
         LEFT JOIN notas n ON top.kind = 'nota' AND n.id = top.id
         LEFT JOIN deadlines dl ON top.kind = 'deadline' AND dl.id = top.id
         LEFT JOIN tasks t ON t.id = top.task_id
         LEFT JOIN document_texts x ON x.sha256 = top.sha256
         LEFT JOIN LATERAL (
           -- The first page that matches: a headline over a whole document would parse all of it.
           SELECT p.text FROM jsonb_array_elements_text(x.pages) WITH ORDINALITY AS p(text, at)
            WHERE dutch_devoiced(to_tsvector('dutch', p.text)) @@ ${query}
            ORDER BY p.at LIMIT 1
         ) page ON top.matched = 'document'
        ORDER BY top.rank DESC, top.kind DESC, top.id`,
      params,
    );
    return rows;
  }
}
