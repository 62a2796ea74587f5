import { useSearchParams } from 'react-router-dom';
import { Alert, Heading, Paragraph } from '@rijkshuisstijl-community/components-react';
import { SEARCH_KIND_LABELS, SEARCH_MATCH_LABELS, snippetParts, WEB_APP_PATHS } from '@notaflow/domain';
import { useApi } from '../api/use-api';
import { RouterLink } from '../components/RouterLink';
import { usePageTitle } from '../lib/page-title';

function Snippet({ text }: { text: string }) {
  return (
    <p className="nf-search-result__snippet">
      {snippetParts(text).map((part, i) => (part.marked ? <mark key={i}>{part.text}</mark> : part.text))}
    </p>
  );
}

/** What the header's search found: the notas and deadlines the user may open, best match first. */
export function SearchPage() {
  const [params] = useSearchParams();
  const q = (params.get('q') ?? '').trim();
  usePageTitle(q ? `Zoeken: ${q}` : 'Zoeken');
  const found = useApi(q ? '/api/v1/search' : null, { params: { query: { q } } });
  const items = found.data?.items ?? [];

  return (
    <>
      <Heading level={1}>Zoeken</Heading>
      {!q && (
        <Paragraph>Zoek met het zoekveld bovenaan op ons kenmerk, uw kenmerk, Kamerstuk, dossier of woorden.</Paragraph>
      )}
      {found.error && (
        <Alert type="error">
          <Paragraph>{found.error.message}</Paragraph>
        </Alert>
      )}
      {found.loading && <Paragraph role="status">Zoeken…</Paragraph>}
      {q && found.data && !found.loading && (
        <Paragraph role="status">
          {items.length === 0
            ? `Niets gevonden voor ‘${q}’.`
            : `${items.length} ${items.length === 1 ? 'resultaat' : 'resultaten'} voor ‘${q}’`}
        </Paragraph>
      )}
      {items.length > 0 && (
        <ol className="nf-search-results" aria-label="Zoekresultaten">
          {items.map((item) => (
            <li key={`${item.kind}-${item.id}`} className="nf-search-result">
              <Heading level={2} className="nf-search-result__title">
                <RouterLink to={item.kind === 'nota' ? WEB_APP_PATHS.nota(item.id) : WEB_APP_PATHS.deadline(item.id)}>
                  {item.title}
                </RouterLink>
              </Heading>
              <span className="nf-subtle">
                {SEARCH_KIND_LABELS[item.kind]}
                {item.onsKenmerk && ` · ons kenmerk ${item.onsKenmerk}`} · gevonden in{' '}
                {SEARCH_MATCH_LABELS[item.matchedIn]}
              </span>
              <Snippet text={item.snippet} />
            </li>
          ))}
        </ol>
      )}
    </>
  );
}
