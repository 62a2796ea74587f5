// @ts-check
// Reads the text of one document, page by page, in a worker thread of its own: parsing a PDF or a DOCX is heavy
// and its input comes from users, so it runs apart from the API's event loop and under a heap limit, and a file
// made to exhaust memory ends this thread, not the API. Plain JavaScript, loaded by Node itself: pdf.js is an ES
// module the API's CommonJS build cannot import statically.
import { readFile } from 'node:fs/promises';
import { parentPort, workerData } from 'node:worker_threads';

/** @param {{ file: string, mediaType: string }} input @returns {Promise<string[]>} */
async function extract({ file, mediaType }) {
  if (mediaType === 'application/pdf') {
    const { getDocument, VerbosityLevel } = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const data = new Uint8Array(await readFile(file));
    const pdf = await getDocument({
      data,
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
      verbosity: VerbosityLevel.ERRORS,
    }).promise;
    const pages = [];
    for (let number = 1; number <= pdf.numPages; number++) {
      const page = await pdf.getPage(number);
      const content = await page.getTextContent();
      let text = '';
      for (const item of content.items) {
        if (!('str' in item)) continue;
        text += item.str + (item.hasEOL ? '\n' : item.str ? ' ' : '');
      }
      pages.push(text);
      page.cleanup();
    }
    await pdf.destroy();
    return pages;
  }
  if (mediaType === 'application/vnd.openxmlformats-officedocument.wordprocessingml.document') {
    const mammoth = (await import('mammoth')).default;
    const { value } = await mammoth.extractRawText({ path: file });
    return [value];
  }
  throw new Error(`no text extraction for ${mediaType}`);
}

extract(workerData).then(
  (pages) => parentPort?.postMessage({ pages }),
  (error) => parentPort?.postMessage({ error: String(error?.message ?? error) }),
);
