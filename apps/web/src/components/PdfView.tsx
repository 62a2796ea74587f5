import { useEffect, useRef, useState } from 'react';
import { Alert, Paragraph } from '@rijkshuisstijl-community/components-react';

type Pdfjs = typeof import('pdfjs-dist');

let loading: Promise<Pdfjs> | undefined;

/**
 * pdf.js, loaded when the first PDF is shown (it is large, and most pages show none), with its worker served by the
 * app itself as Vite emits it: the Content-Security-Policy allows scripts and workers from the own origin only.
 */
function pdfjs(): Promise<Pdfjs> {
  loading ??= Promise.all([import('pdfjs-dist'), import('pdfjs-dist/build/pdf.worker.min.mjs?url')]).then(
    ([library, worker]) => {
      library.GlobalWorkerOptions.workerSrc = worker.default;
      return library;
    },
  );
  return loading;
}

interface PdfViewProps {
  /** The file's bytes (the API's, fetched with the token). */
  bytes: ArrayBuffer;
  /** What the document is, for the pages' names: "Nota, pagina 2 van 5". */
  name: string;
}

type Progress = { state: 'loading' } | { state: 'rendering' | 'done'; pages: number } | { state: 'failed' };

/**
 * A PDF drawn page by page with pdf.js: each page a canvas (hidden from screen readers) under pdf.js's text layer,
 * so the text is read aloud, selected and searched as text. A page without text (a scan) is an image named by its
 * number. Progress is announced politely: loading, then how many pages there are.
 */
export function PdfView({ bytes, name }: PdfViewProps) {
  const pagesRef = useRef<HTMLDivElement>(null);
  const [progress, setProgress] = useState<Progress>({ state: 'loading' });

  useEffect(() => {
    const container = pagesRef.current;
    if (!container) return;
    let cancelled = false;
    let destroy: (() => Promise<void>) | undefined;
    setProgress({ state: 'loading' });
    container.replaceChildren();

    void (async () => {
      const library = await pdfjs();
      if (cancelled) return;
      // pdf.js takes the buffer over (it moves to the worker); a copy keeps the caller's intact for a re-render.
      const task = library.getDocument({
        data: new Uint8Array(bytes.slice(0)),
        // Under the Content-Security-Policy no string becomes code; pdf.js has a path for that.
        isEvalSupported: false,
        verbosity: library.VerbosityLevel.ERRORS,
      });
      destroy = () => task.destroy();
      const document = await task.promise;
      if (cancelled) return;
      setProgress({ state: 'rendering', pages: document.numPages });
      const width = contentWidth(container) || 800;
      for (let number = 1; number <= document.numPages && !cancelled; number++) {
        const page = await document.getPage(number);
        const natural = page.getViewport({ scale: 1 });
        const scale = width / natural.width;
        const viewport = page.getViewport({ scale });
        const element = pageElement(`${name}, pagina ${number} van ${document.numPages}`, natural.width, viewport);
        container.append(element.root);
        scaleTo(element.root, scale);
        const ratio = window.devicePixelRatio || 1;
        element.canvas.width = Math.floor(viewport.width * ratio);
        element.canvas.height = Math.floor(viewport.height * ratio);
        await page.render({
          canvas: element.canvas,
          viewport,
          transform: ratio === 1 ? undefined : [ratio, 0, 0, ratio, 0, 0],
        }).promise;
        const text = await page.getTextContent();
        if (text.items.length === 0) {
          element.canvas.removeAttribute('aria-hidden');
          element.canvas.setAttribute('role', 'img');
          element.canvas.setAttribute('aria-label', `Pagina ${number} (een afbeelding, zonder tekst)`);
          continue;
        }
        await new library.TextLayer({ textContentSource: text, container: element.text, viewport }).render();
      }
      if (!cancelled) setProgress({ state: 'done', pages: document.numPages });
    })().catch(() => !cancelled && setProgress({ state: 'failed' }));

    // The drawing scales with the page (CSS); the text layer follows by its scale factor, so it stays over the text.
    const resized = new ResizeObserver(() => {
      for (const page of container.querySelectorAll<HTMLElement>('.nf-pdf__page')) {
        scaleTo(page, page.clientWidth / Number(page.dataset.naturalWidth));
      }
    });
    resized.observe(container);

    return () => {
      cancelled = true;
      resized.disconnect();
      void destroy?.();
    };
  }, [bytes, name]);

  return (
    <div className="nf-pdf">
      <p className="nf-subtle" role="status" aria-live="polite">
        {progress.state === 'loading' && 'Document laden…'}
        {progress.state === 'rendering' && `Document laden: ${pagesLabel(progress.pages)}…`}
        {progress.state === 'done' && `Het document is geladen: ${pagesLabel(progress.pages)}.`}
      </p>
      {progress.state === 'failed' && (
        <Alert type="warning">
          <Paragraph>Dit PDF-bestand kan hier niet worden getoond. Download het om het te lezen.</Paragraph>
        </Alert>
      )}
      <div ref={pagesRef} className="nf-pdf__pages" lang="nl" hidden={progress.state === 'failed'} />
    </div>
  );
}

function pagesLabel(pages: number): string {
  return pages === 1 ? '1 pagina' : `${pages} pagina's`;
}

function contentWidth(element: HTMLElement): number {
  const style = getComputedStyle(element);
  return element.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
}

/** pdf.js's text layer sizes and places its spans by these (its viewer's style sheet sets them per page). */
function scaleTo(page: HTMLElement, scale: number): void {
  if (!Number.isFinite(scale) || scale <= 0) return;
  page.style.setProperty('--scale-factor', String(scale));
  page.style.setProperty('--total-scale-factor', String(scale));
}

/** One page: a named group with the drawing and, over it, the text layer. */
function pageElement(label: string, naturalWidth: number, viewport: { width: number; height: number }) {
  const root = document.createElement('div');
  root.className = 'nf-pdf__page';
  root.setAttribute('role', 'group');
  root.setAttribute('aria-label', label);
  root.dataset.naturalWidth = String(naturalWidth);
  root.style.setProperty('--scale-round-x', '1px');
  root.style.setProperty('--scale-round-y', '1px');
  root.style.aspectRatio = `${viewport.width} / ${viewport.height}`;
  const canvas = document.createElement('canvas');
  canvas.className = 'nf-pdf__canvas';
  canvas.setAttribute('aria-hidden', 'true');
  const text = document.createElement('div');
  text.className = 'textLayer';
  root.append(canvas, text);
  return { root, canvas, text };
}
