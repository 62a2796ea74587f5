import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { buildRouteTemplate } from '@notaflow/domain';

/** A seeded generator (mulberry32): the same registry on every run, so runs compare. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Words of nota titles, remarks and documents, most frequent first: drawn Zipf-like, as real text is. */
const WORDS = (
  'brief kamer beantwoording vragen voortgang rapportage beleid programma wet wetsvoorstel reactie motie toezegging ' +
  'verslag evaluatie aanpak ondermijning criminaliteit politie justitie rechtspraak gevangeniswezen reclassering ' +
  'slachtoffers jeugd zorg gezondheid onderwijs veiligheid migratie asiel grenzen cybercrime fraude mensenhandel ' +
  'prostitutie drugs wapens terrorisme rechtsbijstand advocatuur notariaat kansspelen privacy gegevens digitalisering ' +
  'toezicht inspectie begroting financiering subsidie regeling besluit uitvoering gemeenten provincies europese ' +
  'internationale samenwerking verdrag raad ministerraad kabinet standpunt onderzoek advies commissie debat ' +
  'schriftelijk overleg stand zaken jaarverslag monitor cijfers wachtlijsten capaciteit personeel arbeidsmarkt ' +
  'huisvesting woningen energie klimaat stikstof landbouw visserij natuur water infrastructuur spoor wegen ' +
  'luchtvaart scheepvaart havens douane belastingen toeslagen herstel compensatie schade aardbeving groningen ' +
  'caribisch nederland bonaire aruba curacao sint maarten defensie krijgsmacht veteranen oekraine sancties export ' +
  'handel ontwikkelingssamenwerking noodhulp pandemie vaccinatie ziekenhuizen huisartsen ggz jeugdzorg ouderenzorg ' +
  'pensioenen arbeidsongeschiktheid bijstand armoede schulden inburgering discriminatie racisme emancipatie cultuur ' +
  'media erfgoed sport wetenschap universiteiten studiefinanciering leraren scholen kinderopvang bloemlezing'
).split(' ');

/** The rare word a user remembers of one letter; in one title of a thousand. */
export const RARE_WORD = 'bloemlezing';

function zipf(random: () => number, n: number): number {
  return Math.min(n - 1, Math.floor(Math.exp(random() * Math.log(n + 1)) - 1));
}

function words(random: () => number, count: number): string {
  return Array.from({ length: count }, () => WORDS[zipf(random, WORDS.length - 1)]).join(' ');
}

const ORGANISATIONS = ['JENV', 'JENV', 'JENV', 'VWS', 'BZ', 'BHO', 'SZW', 'BZK', 'OCW', 'FIN'];
const DOSSIERS = Array.from({ length: 300 }, (_, i) => `${20 + (i % 17)} ${String(100 + i * 3).padStart(3, '0')}`);

interface BenchNota {
  id: string;
  onsKenmerk: string;
  title: string;
  dossier: string;
  uwKenmerk: string;
  organisation: string;
  createdBy: string;
  route: string;
  status: string;
  kamerstukNumber: number | null;
}

export interface Corpus {
  notas: number;
  remarks: number;
  documents: number;
  deadlines: number;
  /** A nota of JENV to look up by its identifiers. */
  sample: { onsKenmerk: string; uwKenmerk: string; kamerstuk: string };
}

/**
 * A registry of `count` notas over ten organisations (JENV, the caller's, a third), four in five submitted with a
 * route of co-signing ministries; remarks on one in three, a document text of 300 words on one in ten, one deadline
 * per five notas. Set-based inserts of 5,000 rows at a time; the search vectors are made as the API's writes make
 * them (generated columns and the document texts' trigger).
 */
export async function loadCorpus(db: DataSource, count: number, onProgress: (done: number) => void): Promise<Corpus> {
  const random = rng(42);
  const counts = { remarks: 0, documents: 0, deadlines: 0 };
  let sample: Corpus['sample'] | undefined;
  for (let start = 0; start < count; start += 5000) {
    const notas: BenchNota[] = [];
    const tasks: { id: string; notaId: string; organisation: string; remarks: string }[] = [];
    const documents: { id: string; notaId: string; sha256: string }[] = [];
    const texts = new Map<string, string>();
    const deadlines: { title: string; organisation: string; dossier: string }[] = [];
    for (let i = start; i < Math.min(count, start + 5000); i++) {
      const organisation = ORGANISATIONS[Math.floor(random() * ORGANISATIONS.length)];
      const submitted = random() < 0.8;
      const coSigners = ['VWS', 'BZ', 'SZW', 'OCW'].filter((o) => o !== organisation && random() < 0.3);
      const dossier = DOSSIERS[Math.floor(random() * DOSSIERS.length)];
      const dispatched = submitted && random() < 0.3;
      const title = `${words(random, 3 + Math.floor(random() * 6))}${i % 1000 === 7 ? ` ${RARE_WORD}` : ''}`;
      const nota: BenchNota = {
        id: randomUUID(),
        onsKenmerk: String(1000000 + i),
        title: title[0].toUpperCase() + title.slice(1),
        dossier,
        uwKenmerk: `20${20 + (i % 6)}Z${String(i % 100000).padStart(5, '0')}/20${20 + (i % 6)}D${String((i * 7) % 100000).padStart(5, '0')}`,
        organisation,
        createdBy: 'jenv.staff',
        route: JSON.stringify(
          buildRouteTemplate({ reviewers: [], decider: 'jenv.bewindspersoon', coSigners, ministerraad: false }),
        ),
        status: dispatched ? 'dispatched' : submitted ? 'in_review' : 'draft',
        kamerstukNumber: dispatched ? 1 + (i % 900) : null,
      };
      notas.push(nota);
      if (!sample && organisation === 'JENV' && dispatched) {
        sample = {
          onsKenmerk: nota.onsKenmerk,
          uwKenmerk: nota.uwKenmerk.split('/')[0],
          kamerstuk: `${dossier} nr. ${nota.kamerstukNumber}`,
        };
      }
      if (random() < 1 / 3) {
        tasks.push({ id: randomUUID(), notaId: nota.id, organisation, remarks: words(random, 8 + zipf(random, 30)) });
      }
      if (random() < 0.1) {
        const text = words(random, 300);
        const sha256 = randomUUID().replace(/-/g, '').padEnd(64, '0');
        texts.set(sha256, text);
        documents.push({ id: randomUUID(), notaId: nota.id, sha256 });
      }
      if (random() < 0.2) deadlines.push({ title: `Toezegging ${words(random, 5)}`, organisation, dossier });
    }
    await db.transaction(async (tx) => {
      await tx.query(
        `INSERT INTO notas (id, ons_kenmerk, title, dossier, uw_kenmerk, organisation_code, created_by, route, status,
                            kamerstuk_dossier, kamerstuk_number)
         SELECT id, kenmerk, title, dossier, uw, org, by, route, status, CASE WHEN nr IS NULL THEN NULL ELSE dossier END, nr
           FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::jsonb[],
                       $9::text[], $10::int[]) AS x(id, kenmerk, title, dossier, uw, org, by, route, status, nr)`,
        [
          notas.map((n) => n.id),
          notas.map((n) => n.onsKenmerk),
          notas.map((n) => n.title),
          notas.map((n) => n.dossier),
          notas.map((n) => n.uwKenmerk),
          notas.map((n) => n.organisation),
          notas.map((n) => n.createdBy),
          notas.map((n) => n.route),
          notas.map((n) => n.status),
          notas.map((n) => n.kamerstukNumber),
        ],
      );
      await tx.query(
        `INSERT INTO tasks (id, nota_id, workflow_id, type, stage, organisation, version, due_at, created_at, status,
                            decision, remarks)
         SELECT id, nota, 'bench', 'decide', 'decision', org, 1, now(), now(), 'done', 'approve', remarks
           FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[]) AS x(id, nota, org, remarks)`,
        [
          tasks.map((t) => t.id),
          tasks.map((t) => t.notaId),
          tasks.map((t) => t.organisation),
          tasks.map((t) => t.remarks),
        ],
      );
      await tx.query(
        `INSERT INTO document_texts (sha256, pages) SELECT sha, jsonb_build_array(text)
           FROM unnest($1::text[], $2::text[]) AS x(sha, text)`,
        [[...texts.keys()], [...texts.values()]],
      );
      await tx.query(
        `INSERT INTO documents (id, nota_id, nota_version, role, file_name, media_type, size, sha256, created_by)
         SELECT id, nota, 1, 'nota', 'nota.pdf', 'application/pdf', 1024, sha, 'jenv.staff'
           FROM unnest($1::uuid[], $2::uuid[], $3::text[]) AS x(id, nota, sha)`,
        [documents.map((d) => d.id), documents.map((d) => d.notaId), documents.map((d) => d.sha256)],
      );
      await tx.query(
        `INSERT INTO deadlines (kind, title, due_on, original_due_on, dossier, organisation_code, created_by)
         SELECT 'toezegging', title, '2027-01-15', '2027-01-15', dossier, org, 'jenv.staff'
           FROM unnest($1::text[], $2::text[], $3::text[]) AS x(title, org, dossier)`,
        [deadlines.map((d) => d.title), deadlines.map((d) => d.organisation), deadlines.map((d) => d.dossier)],
      );
    });
    counts.remarks += tasks.length;
    counts.documents += documents.length;
    counts.deadlines += deadlines.length;
    onProgress(start + notas.length);
  }
  if (!sample) throw new Error('the corpus holds no dispatched nota of JENV');
  return { notas: count, ...counts, sample };
}
