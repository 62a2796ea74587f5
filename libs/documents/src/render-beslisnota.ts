import PDFDocument from 'pdfkit';
import { formatDutchDate } from '@notaflow/calendar';
import { sectionsOf, type BeslisnotaContent } from './beslisnota';

/** What the registry adds to the drafter's text: the kenmerk it handed out and the ministry. */
export interface BeslisnotaMeta {
  onsKenmerk: string;
  /** "Ministerie van Justitie en Veiligheid". */
  ministerie: string;
}

// The Rijkshuisstijl's lintblauw, and the page as the seeds lay it out: text on the left, the reference column right.
const LINTBLAUW = '#154273';
const MM = 72 / 25.4;
const PAGE = { width: 210 * MM, height: 297 * MM };
const BODY = { x: 25 * MM, width: 118 * MM, top: 62 * MM, bottom: 25 * MM };
const COLUMN = { x: 153 * MM, width: 40 * MM };
const FONT = { regular: 'Helvetica', bold: 'Helvetica-Bold' };

/**
 * Renders a beslisnota as a PDF in the Rijkshuisstijl: the ribbon with the ministry's name at the top, the body with
 * its numbered sections, and on every page the reference column (sender, Datum, Ons kenmerk, and on the first page
 * Dossiernummer, Bijlage(n) and Contactpersoon). Standard PDF fonts, so the text can be read back for comparing
 * versions; the document's own date is its creation date, so the same content renders to the same bytes.
 */
export function renderBeslisnota(content: BeslisnotaContent, meta: BeslisnotaMeta): Promise<Buffer> {
  const created = new Date(`${content.datum}T12:00:00Z`);
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: BODY.top, bottom: BODY.bottom, left: BODY.x, right: PAGE.width - BODY.x - BODY.width },
    info: {
      Title: content.onderwerp,
      Subject: `Nota ${meta.onsKenmerk}`,
      Author: meta.ministerie,
      Creator: 'notaflow',
      Producer: 'notaflow',
      CreationDate: created,
      ModDate: created,
    },
    lang: 'nl-NL',
    displayTitle: true,
    autoFirstPage: false,
    bufferPages: true,
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  let pageNumber = 0;
  doc.on('pageAdded', () => {
    pageNumber++;
    letterhead(doc, meta.ministerie);
    referenceColumn(doc, content, meta, pageNumber === 1);
    doc.font(FONT.regular).fontSize(9).fillColor('black');
    doc.x = BODY.x;
    doc.y = BODY.top;
  });
  doc.addPage();

  doc
    .font(FONT.bold)
    .fontSize(14)
    .text('Nota', BODY.x, BODY.top - 22 * MM, { width: BODY.width });
  doc.moveDown(0.3);
  doc.font(FONT.bold).fontSize(10).text(content.onderwerp, { width: BODY.width });
  doc.y = Math.max(doc.y + 6 * MM, BODY.top);
  if (content.bijlagen.length) {
    doc.font(FONT.bold).fontSize(9).text('Bijlage(n)', { width: BODY.width });
    content.bijlagen.forEach((title, i) => doc.font(FONT.regular).text(`${i + 1}. ${title}`, { width: BODY.width }));
    doc.moveDown();
  }
  for (const section of sectionsOf(content)) {
    doc
      .font(FONT.bold)
      .fontSize(section.level === 1 ? 10 : 9)
      .text(section.heading, { width: BODY.width });
    doc.moveDown(0.3);
    for (const paragraph of paragraphsOf(section.text)) {
      doc.font(FONT.regular).fontSize(9).text(paragraph, { width: BODY.width, align: 'left', lineGap: 2 });
      doc.moveDown(0.6);
    }
    doc.moveDown(0.4);
  }
  const { start, count } = doc.bufferedPageRange();
  for (let page = start; page < start + count; page++) {
    doc.switchToPage(page);
    // Below the body's margin: lifted for this line, or the text would flow onto a page of its own.
    doc.page.margins.bottom = 0;
    doc
      .font(FONT.regular)
      .fontSize(7.5)
      .text(`Pagina ${page - start + 1} van ${count}`, COLUMN.x, PAGE.height - BODY.bottom, {
        width: COLUMN.width,
        lineBreak: false,
      });
  }
  doc.end();
  return done;
}

function letterhead(doc: PDFKit.PDFDocument, ministerie: string): void {
  const ribbon = { width: 12 * MM, height: 24 * MM };
  const x = PAGE.width / 2 - ribbon.width / 2;
  doc.save();
  doc.rect(x, 0, ribbon.width, ribbon.height).fill(LINTBLAUW);
  doc.restore();
  doc
    .font(FONT.regular)
    .fontSize(9)
    .fillColor('black')
    .text(ministerie, x + ribbon.width + 3 * MM, 12 * MM, { width: 60 * MM, lineBreak: true });
}

function referenceColumn(doc: PDFKit.PDFDocument, content: BeslisnotaContent, meta: BeslisnotaMeta, first: boolean) {
  const y = doc.y;
  const x = doc.x;
  let top = BODY.top;
  const line = (text: string, bold = false) => {
    doc
      .font(bold ? FONT.bold : FONT.regular)
      .fontSize(7.5)
      .text(text, COLUMN.x, top, { width: COLUMN.width });
    top = doc.y;
  };
  content.afzender.forEach((unit, i) => line(unit, i === 0));
  top += 4 * MM;
  const field = (label: string, value: string) => {
    line(label, true);
    line(value);
    top += 2 * MM;
  };
  if (first && content.contactpersoon) field('Contactpersoon', content.contactpersoon);
  field('Datum', formatDutchDate(content.datum));
  field('Ons kenmerk', meta.onsKenmerk);
  if (first) {
    if (content.dossiernummer) field('Dossiernummer', content.dossiernummer);
    field('Bijlage(n)', String(content.bijlagen.length));
  }
  doc.x = x;
  doc.y = y;
}

/** Paragraphs are separated by an empty line; single line breaks within one are kept. */
function paragraphsOf(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
}
