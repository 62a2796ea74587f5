import {
  documentKind,
  formatBytes,
  latestVersionOf,
  openVersionOf,
  shownVersion,
  uploadFailure,
  versionLabel,
  viewOf,
} from './documents';
import type { Problem } from './problem';

const problem = (code: string, extra: Record<string, unknown> = {}) =>
  ({ type: 'about:blank', title: 'x', status: 0, detail: 'x', code, ...extra }) as unknown as Problem;

describe('the documents of a nota version', () => {
  it('says sizes in Dutch units with a decimal comma', () => {
    expect(formatBytes(1)).toBe('1 byte');
    expect(formatBytes(850)).toBe('850 bytes');
    expect(formatBytes(12_800)).toBe('12,5 kB');
    expect(formatBytes(1_258_291)).toBe('1,2 MB');
    expect(formatBytes(50 * 1024 * 1024)).toBe('50 MB');
    expect(formatBytes(3 * 1024 ** 4)).toBe('3.072 GB');
  });

  it('names the kinds of file the API takes, and shows PDF and DOCX in the page', () => {
    expect(documentKind('application/pdf')).toBe('PDF');
    expect(documentKind('image/png')).toBe('Afbeelding (PNG)');
    expect(documentKind('text/plain')).toBe('text/plain');
    expect(viewOf('application/pdf')).toBe('pdf');
    expect(viewOf('application/vnd.openxmlformats-officedocument.wordprocessingml.document')).toBe('docx');
    expect(viewOf('application/vnd.oasis.opendocument.text')).toBe('download');
  });

  it('knows the open version: 1 while a draft, n+1 after changes were requested on n, none otherwise', () => {
    expect(openVersionOf({ status: 'draft', version: 1 })).toBe(1);
    expect(openVersionOf({ status: 'changes_requested', version: 2 })).toBe(3);
    expect(openVersionOf({ status: 'in_review', version: 2 })).toBeNull();
    expect(latestVersionOf({ status: 'changes_requested', version: 2 })).toBe(3);
    expect(latestVersionOf({ status: 'dispatched', version: 2 })).toBe(2);
  });

  it('shows the version asked for, else the open one to its drafter and the current one to others', () => {
    const nota = { status: 'changes_requested', version: 1 } as const;
    expect(shownVersion(nota, '1', true)).toBe(1);
    expect(shownVersion(nota, null, true)).toBe(2);
    expect(shownVersion(nota, null, false)).toBe(1);
    expect(shownVersion(nota, '3', false)).toBe(1);
    expect(shownVersion(nota, 'x', true)).toBe(2);
    expect(versionLabel(nota, 2)).toBe('Versie 2 (in bewerking)');
    expect(versionLabel(nota, 1)).toBe('Versie 1 (huidige)');
  });

  it('says why an upload was refused, with what the API adds', () => {
    expect(uploadFailure(413, problem('payload_too_large', { maxBytes: 50 * 1024 * 1024 }))).toBe(
      'Het bestand is te groot. Een document mag hoogstens 50 MB zijn.',
    );
    expect(uploadFailure(415, problem('unsupported_media_type', { recognised: 'application/pdf' }))).toMatch(
      /het is een PDF/,
    );
    expect(uploadFailure(415, problem('unsupported_media_type'))).toMatch(/PDF, DOCX, ODT, XLSX, PNG of JPEG/);
    expect(uploadFailure(415, problem('document_encrypted'))).toMatch(/wachtwoord/);
    expect(uploadFailure(409, problem('version_sealed'))).toMatch(/al ingediend/);
    expect(uploadFailure(0, undefined)).toMatch(/afgebroken/);
    expect(uploadFailure(413, undefined)).toBe('Wat u verstuurt is te groot.');
  });
});
