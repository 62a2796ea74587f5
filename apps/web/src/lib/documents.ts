import type { Nota, NotaDocument } from '../api/types';
import { PROBLEM_MESSAGES } from './problem-messages';
import { describeProblem, type Problem } from './problem';

const DUTCH = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 1 });
const UNITS = ['kB', 'MB', 'GB'] as const;

/** A size as a file manager on a civil servant's desk shows it: `850 bytes`, `12,5 kB`, `1,2 MB`. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} ${bytes === 1 ? 'byte' : 'bytes'}`;
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${DUTCH.format(value)} ${UNITS[unit]}`;
}

/** The kinds of file the API takes (API.md, Documents), as a reader knows them. */
const KINDS: Record<string, string> = {
  'application/pdf': 'PDF',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word-document (DOCX)',
  'application/vnd.oasis.opendocument.text': 'OpenDocument-tekst (ODT)',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'Excel-werkmap (XLSX)',
  'image/png': 'Afbeelding (PNG)',
  'image/jpeg': 'Afbeelding (JPEG)',
};

export function documentKind(mediaType: string): string {
  return KINDS[mediaType] ?? mediaType;
}

/** What the file picker offers: the extensions the API takes. */
export const ACCEPTED_FILES = '.pdf,.docx,.odt,.xlsx,.png,.jpg,.jpeg';

/** How the page shows a nota document: drawn by pdf.js, turned into HTML by mammoth, or offered as a download. */
export type DocumentView = 'pdf' | 'docx' | 'download';

export function viewOf(mediaType: string): DocumentView {
  if (mediaType === 'application/pdf') return 'pdf';
  if (mediaType === 'application/vnd.openxmlformats-officedocument.wordprocessingml.document') return 'docx';
  return 'download';
}

/** A document's name for a reader: its title, else its file name. */
export function documentName(document: Pick<NotaDocument, 'title' | 'fileName'>): string {
  return document.title ?? document.fileName;
}

type NotaState = Pick<Nota, 'status' | 'version'>;

/**
 * The version that takes uploads (API.md, Documents): version 1 while a draft, version n+1 after changes were
 * requested on version n; none otherwise. The API has the last word (409 version_sealed).
 */
export function openVersionOf(nota: NotaState): number | null {
  if (nota.status === 'draft') return nota.version;
  if (nota.status === 'changes_requested') return nota.version + 1;
  return null;
}

/** The newest version that has documents or may get them: the open one, else the current one. */
export function latestVersionOf(nota: NotaState): number {
  return openVersionOf(nota) ?? nota.version;
}

/**
 * The version the page shows: the one asked for in the address when it exists; else, for whoever may upload, the
 * open version (where their work is); else the current one, the version under decision.
 */
export function shownVersion(nota: NotaState, asked: string | null, mayUpload: boolean): number {
  const latest = latestVersionOf(nota);
  const wanted = asked === null ? NaN : Number(asked);
  if (Number.isInteger(wanted) && wanted >= 1 && wanted <= latest) return wanted;
  return mayUpload ? latest : nota.version;
}

/** A version's name in the selector: which one is in the works and which one is under decision. */
export function versionLabel(nota: NotaState, version: number): string {
  if (version === openVersionOf(nota)) return `Versie ${version} (in bewerking)`;
  if (version === nota.version) return `Versie ${version} (huidige)`;
  return `Versie ${version}`;
}

/**
 * Why an upload was refused, in Dutch, by the problem's code with what the API adds to it (the limit, what the file
 * turned out to be). Status 0: no answer, which is also how a browser sees a server that stops reading a file over
 * its limit.
 */
export function uploadFailure(status: number, problem: Problem | undefined): string {
  const extra = problem as (Problem & { maxBytes?: number; recognised?: string }) | undefined;
  switch (problem?.code) {
    case 'payload_too_large':
      return typeof extra?.maxBytes === 'number'
        ? `Het bestand is te groot. Een document mag hoogstens ${formatBytes(extra.maxBytes)} zijn.`
        : PROBLEM_MESSAGES.payload_too_large;
    case 'unsupported_media_type':
      return extra?.recognised
        ? `De naam van het bestand past niet bij de inhoud: het is een ${documentKind(extra.recognised)}. Geef het de juiste extensie.`
        : 'Dit soort bestand kan niet worden toegevoegd. Kies een PDF, DOCX, ODT, XLSX, PNG of JPEG.';
    case undefined:
      if (status === 0) {
        return 'Het uploaden is afgebroken. Controleer uw verbinding en de grootte van het bestand, en probeer het opnieuw.';
      }
      if (status === 413) return PROBLEM_MESSAGES.payload_too_large;
      return 'Het uploaden is mislukt. Probeer het opnieuw.';
    default:
      return describeProblem(status, problem);
  }
}
