import { useEffect, useState } from 'react';
import { Alert, Paragraph } from '@rijkshuisstijl-community/components-react';

/**
 * Word's heading styles one level per step below the page's own: the document sits under the page's h2 (Documenten)
 * and h3 (Nota), so its Heading 1 is an h4 and the page keeps one outline.
 */
const STYLE_MAP = [1, 2, 3, 4, 5, 6].flatMap((level) => {
  const tag = `h${Math.min(level + 3, 6)}:fresh`;
  return [
    `p.Heading${level} => ${tag}`,
    `p[style-name='Heading ${level}'] => ${tag}`,
    `p[style-name='heading ${level}'] => ${tag}`,
  ];
});

/** Links a reader may follow; anything else a document names (javascript:, file:) loses its href. */
const SAFE_HREF = /^(https?:|mailto:|#)/i;

/**
 * What mammoth makes of a DOCX, which is plain HTML of its own making (paragraphs, headings, lists, tables, images as
 * data: URLs): only the links in it come from the file as typed, so those are checked. Parsed in an inert template.
 */
function withSafeLinks(html: string): string {
  const template = document.createElement('template');
  template.innerHTML = html;
  for (const link of template.content.querySelectorAll('a[href]')) {
    if (!SAFE_HREF.test(link.getAttribute('href') ?? '')) link.removeAttribute('href');
  }
  return template.innerHTML;
}

interface DocxViewProps {
  bytes: ArrayBuffer;
}

/** A DOCX shown as HTML with mammoth's browser build, loaded when the first DOCX is shown. */
export function DocxView({ bytes }: DocxViewProps) {
  const [html, setHtml] = useState<string>();
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let cancelled = false;
    setHtml(undefined);
    setFailed(false);
    import('mammoth/mammoth.browser.js')
      .then(({ default: mammoth }) =>
        mammoth.convertToHtml({ arrayBuffer: bytes }, { styleMap: STYLE_MAP, ignoreEmptyParagraphs: true }),
      )
      .then(
        (result) => !cancelled && setHtml(withSafeLinks(result.value)),
        () => !cancelled && setFailed(true),
      );
    return () => {
      cancelled = true;
    };
  }, [bytes]);

  if (failed) {
    return (
      <Alert type="warning">
        <Paragraph>Dit Word-document kan hier niet worden getoond. Download het om het te lezen.</Paragraph>
      </Alert>
    );
  }
  return (
    <>
      <p className="nf-subtle" role="status" aria-live="polite">
        {html === undefined ? 'Document laden…' : 'Het document is geladen.'}
      </p>
      {html !== undefined && <div className="nf-docx" lang="nl" dangerouslySetInnerHTML={{ __html: html }} />}
    </>
  );
}
