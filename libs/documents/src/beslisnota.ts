/**
 * The beslisnota as the seeds show it (seed 002, the nota of 17 June 2024): a header of Datum, Ons kenmerk,
 * Dossiernummer, Bijlage(n) and Contactpersoon beside the sender's organisational unit, and the sections
 * 1 Aanleiding, 2 Geadviseerd besluit, 3 Kernpunten, 4 Toelichting and 5 Informatie die niet openbaar gemaakt kan
 * worden with 5.1 Toelichting. Kept as structured data beside the rendered PDF, so that a later Woo publication finds
 * section 5 without reading a PDF.
 */
export interface BeslisnotaContent {
  /** Onderwerp: the nota's subject line. */
  onderwerp: string;
  /** Datum: the document's own date (YYYY-MM-DD), not when it was registered. */
  datum: string;
  /** The sender's organisational unit, a line each: DG, directie, afdeling. */
  afzender: string[];
  contactpersoon?: string;
  /** The directorate's own file number ("Dossiernummer 2" in the seed), not the Kamerstuk dossier. */
  dossiernummer?: string;
  /** The titles of the bijlagen, in order; their number is the header's "Bijlage(n)". */
  bijlagen: string[];
  aanleiding: string;
  geadviseerdBesluit: string;
  kernpunten: string;
  /** 4 Toelichting: free text, or its standard subsections 4.1 to 4.9 where they apply. */
  toelichting: string;
  toelichtingen?: Partial<Record<ToelichtingSection, string>>;
  /** 5 Informatie die niet openbaar gemaakt kan worden, and 5.1 its Toelichting. */
  nietOpenbaar: { informatie: string; toelichting: string };
}

/** Section 4's standard subsections, in order (DOMAIN.md, Documents and their numbers). */
export const TOELICHTING_SECTIONS = {
  politiekeContext: '4.1 Politieke context',
  financieleOverwegingen: '4.2 Financiële overwegingen',
  juridischeOverwegingen: '4.3 Juridische overwegingen',
  krachtenveld: '4.4 Krachtenveld',
  strategie: '4.5 Strategie',
  uitvoering: '4.6 Uitvoering',
  implementatie: '4.7 Implementatie',
  communicatie: '4.8 Communicatie',
  ontwikkelingenHiervoor: '4.9 Ontwikkelingen hiervoor',
} as const;
export type ToelichtingSection = keyof typeof TOELICHTING_SECTIONS;

/** The numbered sections of the body, as the PDF prints them and a reader of the structured data finds them. */
export function sectionsOf(content: BeslisnotaContent): { heading: string; text: string; level: 1 | 2 }[] {
  const sections: { heading: string; text: string; level: 1 | 2 }[] = [
    { heading: '1. Aanleiding', text: content.aanleiding, level: 1 },
    { heading: '2. Geadviseerd besluit', text: content.geadviseerdBesluit, level: 1 },
    { heading: '3. Kernpunten', text: content.kernpunten, level: 1 },
    { heading: '4. Toelichting', text: content.toelichting, level: 1 },
  ];
  for (const [key, heading] of Object.entries(TOELICHTING_SECTIONS)) {
    const text = content.toelichtingen?.[key as ToelichtingSection]?.trim();
    if (text) sections.push({ heading, text, level: 2 });
  }
  sections.push(
    { heading: '5. Informatie die niet openbaar gemaakt kan worden', text: content.nietOpenbaar.informatie, level: 1 },
    { heading: '5.1 Toelichting', text: content.nietOpenbaar.toelichting, level: 2 },
  );
  return sections;
}
