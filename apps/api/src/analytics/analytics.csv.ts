import type { OverdueDto, TurnaroundDto } from './dto/analytics.dto';

/**
 * CSV as Dutch Excel opens it with a double click: `;` between fields (the comma is the decimal sign there), a
 * decimal comma, days as dd-mm-jjjj and moments as dd-mm-jjjj hh:mm in Europe/Amsterdam, UTF-8 with a byte order
 * mark (without one Excel reads the file as Windows-1252 and garbles "Financiën"), CRLF line ends and RFC 4180
 * quoting. Column names are the JSON field names, so a script can read both.
 */
export const CSV_CONTENT_TYPE = 'text/csv; charset=utf-8; header=present';
const SEPARATOR = ';';
const BOM = '\uFEFF';
const CRLF = '\r\n';

/** Text that Excel would run as a formula (=, +, -, @, or a leading tab or CR) is defused with a quote: OWASP. */
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[;"\r\n]|^\s|\s$/;

export function csvText(value: string | null | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** No thousands separator: Excel would read "1.234" as 1,234 in one locale and as 1234 in another. */
export function csvNumber(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '';
  const plain = Math.abs(value) < 1e21 && !/e/i.test(String(value)) ? String(value) : value.toFixed(6);
  return plain.replace('.', ',');
}

/** `2024-06-21` as `21-06-2024`. */
export function csvDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const [year, month, day] = iso.slice(0, 10).split('-');
  return `${day}-${month}-${year}`;
}

const amsterdam = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Amsterdam',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** An instant as the wall clock in Europe/Amsterdam showed it: `21-06-2024 23:59`. */
export function csvInstant(value: Date | string | null | undefined): string {
  if (value === null || value === undefined) return '';
  const parts = Object.fromEntries(amsterdam.formatToParts(new Date(value)).map((p) => [p.type, p.value]));
  return `${parts.day}-${parts.month}-${parts.year} ${parts.hour}:${parts.minute}`;
}

export function csvBoolean(value: boolean): string {
  return value ? 'ja' : 'nee';
}

export function csvDocument(header: string[], rows: string[][]): string {
  const lines = [header.map(csvText), ...rows].map((cells) => cells.join(SEPARATOR));
  return BOM + lines.join(CRLF) + CRLF;
}

/**
 * JSON stays the default: CSV only when the client names text/csv (or any text) and prefers it to JSON. A missing
 * header or a plain wildcard is JSON.
 */
export function wantsCsv(accept: string | undefined): boolean {
  if (!accept) return false;
  let csv = 0;
  let json = 0;
  let any = 0;
  for (const range of accept.split(',')) {
    const [type, ...params] = range.trim().toLowerCase().split(';');
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    if (!Number.isFinite(q)) continue;
    const media = type.trim();
    if (media === 'text/csv' || media === 'text/*') csv = Math.max(csv, q);
    else if (media === 'application/json' || media === 'application/*') json = Math.max(json, q);
    else if (media === '*/*') any = Math.max(any, q);
  }
  return csv > 0 && csv > json && csv >= any;
}

export function turnaroundCsv(result: TurnaroundDto): string {
  const header = [
    'from',
    'to',
    'groupBy',
    'key',
    'kind',
    'count',
    'p50Seconds',
    'p90Seconds',
    'meanSeconds',
    'p50WorkingDays',
    'p90WorkingDays',
    'meanWorkingDays',
    'overdueCount',
    'onTimeRate',
  ];
  const rows = result.groups.map((g) => [
    csvDate(result.from),
    csvDate(result.to),
    csvText(result.groupBy),
    csvText(g.key),
    csvText(g.kind),
    csvNumber(g.count),
    csvNumber(g.p50Seconds),
    csvNumber(g.p90Seconds),
    csvNumber(g.meanSeconds),
    csvNumber(g.p50WorkingDays),
    csvNumber(g.p90WorkingDays),
    csvNumber(g.meanWorkingDays),
    csvNumber(g.overdueCount),
    csvNumber(g.onTimeRate),
  ]);
  return csvDocument(header, rows);
}

export function overdueCsv(result: OverdueDto): string {
  const header = [
    'dueOn',
    'dueAt',
    'overdue',
    'workingDaysLeft',
    'kind',
    'type',
    'title',
    'onsKenmerk',
    'dossier',
    'stage',
    'organisation',
    'assignee',
    'holder',
    'id',
    'notaId',
  ];
  const rows = result.items.map((i) => [
    csvDate(i.dueOn),
    csvInstant(i.dueAt),
    csvBoolean(i.overdue),
    csvNumber(i.workingDaysLeft),
    csvText(i.kind),
    csvText(i.type),
    csvText(i.title),
    csvText(i.onsKenmerk),
    csvText(i.dossier),
    csvText(i.stage),
    csvText(i.organisation),
    csvText(i.assignee),
    csvText(i.holder),
    csvText(i.id),
    csvText(i.notaId),
  ]);
  return csvDocument(header, rows);
}
