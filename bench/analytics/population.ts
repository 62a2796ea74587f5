/**
 * Who the synthetic history is about: the organisations (a few large ministries, a long tail), their users, and the
 * seeded randomness every draw comes from, so that two runs measure the same data.
 */

/** Seeded, so two runs measure the same data. mulberry32. */
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

/** A standard normal draw (Box-Muller). */
export function normal(random: () => number): number {
  const u = 1 - random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

/** One of `items`, drawn by weight. */
export function pick<T>(random: () => number, items: readonly T[], weight: (item: T) => number): T {
  const total = items.reduce((sum, item) => sum + weight(item), 0);
  let r = random() * total;
  for (const item of items) {
    r -= weight(item);
    if (r < 0) return item;
  }
  return items[items.length - 1];
}

export interface Organisation {
  code: string;
  /** Share of the notas it registers (Zipf: a few large ministries, a long tail). */
  weight: number;
  /** How much slower (> 1) or faster than usual it handles its tasks: log-normal around 1. */
  pace: number;
  canCoSign: boolean;
}

export const usersOf = (organisation: string) => {
  const o = organisation.toLowerCase();
  return {
    drafter: `${o}.staff`,
    reviewers: [`${o}.afdelingshoofd`, `${o}.directeur`, `${o}.dg`],
    decider: `${o}.bewindspersoon`,
    signer: `${o}.signer`,
  };
};
export const MINISTERRAAD_USER = 'az.secretariaat';

/** The organisations of the benchmark: today's nine plus made-up ones, Zipf-weighted, JENV the largest. */
export function benchOrganisations(count: number, random: () => number): Organisation[] {
  const known = ['JENV', 'VWS', 'BZ', 'BHO', 'SZW', 'BZK', 'OCW', 'FIN', 'AZ'];
  const codes = [...known];
  for (let i = 0; codes.length < count; i++) {
    codes.push(`ORG${String.fromCharCode(65 + Math.floor(i / 26))}${String.fromCharCode(65 + (i % 26))}`);
  }
  return codes.map((code, rank) => ({
    code,
    weight: code === 'AZ' ? 0 : 1 / (rank + 1),
    pace: Math.exp(0.35 * normal(random)),
    canCoSign: code !== 'AZ',
  }));
}
