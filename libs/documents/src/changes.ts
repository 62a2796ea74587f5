import { diffWords } from 'diff';

/** One place where the text changed: what was removed and what was added there, on which page of the newer one. */
export interface TextChange {
  /** The page of the newer version, from 1; null for a document without pages (a DOCX). */
  page: number | null;
  removed: string;
  added: string;
}

const PAGE_BREAK = '\n\f\n';

/**
 * What changed between two versions of a text, word by word (jsdiff), as hunks: each run of removed and added words
 * between unchanged ones is one change, placed on the page of the newer version where it falls. Changes of white
 * space alone are not changes.
 */
export function textChanges(from: readonly string[], to: readonly string[]): TextChange[] {
  const paged = to.length > 1 || from.length > 1;
  const toText = to.join(PAGE_BREAK);
  const pageStarts = starts(to);
  const pageAt = (offset: number): number | null => {
    if (!paged) return null;
    let page = 0;
    while (page + 1 < pageStarts.length && pageStarts[page + 1] <= offset) page++;
    return page + 1;
  };
  const changes: TextChange[] = [];
  let open: { at: number; removed: string[]; added: string[] } | undefined;
  let offset = 0;
  const close = () => {
    if (!open) return;
    const removed = tidy(open.removed.join(''));
    const added = tidy(open.added.join(''));
    if (removed || added) changes.push({ page: pageAt(open.at), removed, added });
    open = undefined;
  };
  for (const part of diffWords(from.join(PAGE_BREAK), toText)) {
    if (!part.added && !part.removed) {
      if (part.value.trim()) close();
      offset += part.value.length;
      continue;
    }
    open ??= { at: offset, removed: [], added: [] };
    if (part.added) {
      open.added.push(part.value);
      offset += part.value.length;
    } else {
      open.removed.push(part.value);
    }
  }
  close();
  return changes;
}

function starts(pages: readonly string[]): number[] {
  const result: number[] = [];
  let offset = 0;
  for (const page of pages) {
    result.push(offset);
    offset += page.length + PAGE_BREAK.length;
  }
  return result;
}

function tidy(text: string): string {
  return text.replace(/\f/g, '').replace(/\s+/g, ' ').trim();
}
