import { useEffect } from 'react';
import { useLocation } from 'react-router-dom';
import { Heading, Paragraph } from '@rijkshuisstijl-community/components-react';
import { useApi } from '../../api/use-api';

/** The in-page address of the changes: a refusal on a stale version links here. */
export const CHANGES_ANCHOR = 'wijzigingen';

interface ChangesSectionProps {
  notaId: string;
  /** The newer version; the changes are those since the one before it. */
  version: number;
}

/**
 * What changed in the nota document's text since the version before (GET /notas/{id}/changes), word by word with
 * the page of the newer version: removed text struck through, added text marked, each also said in words for a
 * screen reader (<del> and <ins> are not announced by most).
 */
export function ChangesSection({ notaId, version }: ChangesSectionProps) {
  const from = version - 1;
  const changes = useApi('/api/v1/notas/{id}/changes', {
    params: { path: { id: notaId }, query: { from, to: version } },
  });
  const location = useLocation();
  const headingId = `${CHANGES_ANCHOR}-titel`;

  // Sent here by a link (a stale version's refusal, the task's hint): read from the heading once it is there.
  useEffect(() => {
    if (location.hash !== `#${CHANGES_ANCHOR}` || !changes.data) return;
    // The design system's Heading takes no ref under React 18; its id finds it.
    const heading = document.getElementById(headingId);
    heading?.scrollIntoView({ block: 'start' });
    heading?.focus({ preventScroll: true });
  }, [location.hash, location.key, changes.data, headingId]);

  const hunks = changes.data?.hunks ?? [];
  return (
    <section id={CHANGES_ANCHOR} className="nf-panel nf-changes" aria-labelledby={headingId}>
      <Heading level={3} appearanceLevel={4} id={headingId} tabIndex={-1}>
        Wijzigingen ten opzichte van versie {from}
      </Heading>
      {changes.loading && !changes.data && <Paragraph role="status">Wijzigingen laden…</Paragraph>}
      {changes.error && (
        <Paragraph>
          {changes.error.problem?.code === 'document_missing'
            ? `Versie ${from} of versie ${version} heeft geen notadocument; er is niets te vergelijken.`
            : changes.error.message}
        </Paragraph>
      )}
      {changes.data && hunks.length === 0 && <Paragraph>De tekst van de nota is niet gewijzigd.</Paragraph>}
      {hunks.length > 0 && (
        <>
          <Paragraph className="nf-subtle">
            {hunks.length === 1 ? '1 wijziging' : `${hunks.length} wijzigingen`} in de tekst van de nota. Doorgestreept:
            verwijderd. Gemarkeerd: toegevoegd.
          </Paragraph>
          <ol className="nf-changes__list">
            {hunks.map((hunk, index) => (
              <li key={index} className="nf-changes__hunk">
                {hunk.page !== null && <span className="nf-changes__page">Pagina {hunk.page}</span>}
                <span className="nf-changes__text">
                  {hunk.removed && (
                    <del>
                      <span className="nf-visually-hidden">verwijderd: </span>
                      {hunk.removed}
                    </del>
                  )}
                  {hunk.removed && hunk.added && ' '}
                  {hunk.added && (
                    <ins>
                      <span className="nf-visually-hidden">toegevoegd: </span>
                      {hunk.added}
                    </ins>
                  )}
                </span>
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
