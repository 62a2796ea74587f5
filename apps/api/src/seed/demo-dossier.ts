import { addWorkingDays, presetDueOn, presets, type IsoDate } from '@notaflow/calendar';
import type { RouteChoice } from '@notaflow/domain';

export interface DemoStep {
  who: string;
  decision: 'approve' | 'reject' | 'request_changes' | 'hold' | 'new_version';
  remarks?: string;
}

export interface DemoNota {
  /** Fixed, so a second start finds what the first one seeded. */
  id: string;
  onsKenmerk?: string;
  title: string;
  dossier: string;
  uwKenmerk?: string;
  dueOn?: string;
  route: RouteChoice;
  /** Registered only (a draft) when false; submitted otherwise. */
  submit?: boolean;
  steps: DemoStep[];
  kamerstuk?: { dossier: string; number: number };
}

const fullChain = ['jenv.afdelingshoofd', 'jenv.directeur', 'jenv.dg'];
const initialled: DemoStep[] = fullChain.map((who) => ({ who, decision: 'approve', remarks: 'Geparafeerd' }));
const decided: DemoStep[] = [...initialled, { who: 'jenv.bewindspersoon', decision: 'approve', remarks: 'Akkoord' }];

/**
 * The dates of the open demo work, counted from `today`, the day of seeding, so the demo work is never overdue on the
 * day it is made: the Kamer's deadlines and the notas that answer them share them.
 */
export function demoDates(today: IsoDate) {
  const ahead = (workingDays: number) => addWorkingDays(today, workingDays);
  const kamervragenReceived = addWorkingDays(today, -8);
  return {
    ahead,
    kamervragenReceived,
    /** The Kamervragen's three weeks from receipt. */
    kamervragenDue: presetDueOn(presets.kamervragen, kamervragenReceived),
    /** The motie Bikker c.s. */
    motieDue: ahead(14),
    /** The two-yearly progress report. */
    reportDue: ahead(40),
  };
}

/**
 * Dossier 28 638 (Mensenhandel) as in the seed documents: the nota of 17 June 2024 standing at its co-signers,
 * and notas of the same dossier standing in every other stage, so each demo user finds real work. What is still
 * open is dated from `today` (demoDates).
 */
export function demoDossier(today: IsoDate): DemoNota[] {
  const dates = demoDates(today);
  const { ahead } = dates;
  return [
    {
      id: '5552554a-0000-4000-8000-000000000001',
      onsKenmerk: '5552554',
      title: 'Versterkt Actieplan programma Samen tegen mensenhandel: Kamerbrief ter verzending',
      dossier: '28 638',
      dueOn: '2024-06-21',
      route: {
        reviewers: fullChain,
        decider: 'jenv.bewindspersoon',
        coSigners: ['VWS', 'BZ', 'BHO', 'SZW'],
        ministerraad: false,
      },
      steps: [
        ...decided,
        { who: 'bz.signer', decision: 'approve', remarks: 'Akkoord namens de minister van BZ' },
        { who: 'bho.signer', decision: 'approve', remarks: 'Akkoord namens de minister voor BHO' },
      ],
    },
    {
      id: '4914404a-0000-4000-8000-000000000002',
      onsKenmerk: '4914404',
      title: 'Verzoek uitstel commissiedebat mensenhandel van 12 oktober 2023',
      dossier: '28 638',
      uwKenmerk: '2023Z13980/2023D36886',
      dueOn: '2023-10-12',
      route: { reviewers: ['jenv.directeur'], decider: 'jenv.bewindspersoon', coSigners: [], ministerraad: false },
      steps: [
        { who: 'jenv.directeur', decision: 'approve' },
        { who: 'jenv.bewindspersoon', decision: 'approve' },
        {
          who: 'jenv.staff',
          decision: 'approve',
          // Every letter of the seeds is addressed to the Voorzitter, not to a committee.
          remarks: 'Verzonden aan de Voorzitter van de Tweede Kamer der Staten-Generaal',
        },
      ],
    },
    {
      id: '28638248-0000-4000-8000-000000000003',
      title: 'Voortgang aanpak mensenhandel: beantwoording toezeggingen commissiedebat 21 december 2023',
      dossier: '28 638',
      dueOn: '2024-04-23',
      route: { reviewers: fullChain, decider: 'jenv.bewindspersoon', coSigners: ['SZW'], ministerraad: false },
      steps: [
        ...decided,
        { who: 'szw.signer', decision: 'approve' },
        { who: 'jenv.staff', decision: 'approve', remarks: 'Verzonden aan de Tweede Kamer' },
      ],
      kamerstuk: { dossier: '28 638', number: 248 },
    },
    {
      id: '28638001-0000-4000-8000-000000000004',
      title: 'Uitvoering motie Bikker c.s. over de aanpak van mensenhandel (28 638, nr. 238)',
      dossier: '28 638',
      dueOn: dates.motieDue,
      route: { reviewers: fullChain, decider: 'jenv.bewindspersoon', coSigners: ['VWS'], ministerraad: false },
      steps: initialled.slice(0, 2),
    },
    {
      id: '28638007-0000-4000-8000-000000000010',
      title: 'Beantwoording Kamervragen over mensenhandel in de prostitutiesector',
      dossier: '28 638',
      dueOn: dates.kamervragenDue,
      route: { reviewers: fullChain, decider: 'jenv.bewindspersoon', coSigners: ['SZW'], ministerraad: false },
      steps: initialled.slice(0, 1),
    },
    {
      id: '28638008-0000-4000-8000-000000000011',
      title: 'Verzamelbrief mensenhandel, eerste helft 2027',
      dossier: '28 638',
      dueOn: ahead(50),
      route: { reviewers: fullChain, decider: 'jenv.bewindspersoon', coSigners: ['VWS', 'SZW'], ministerraad: false },
      submit: true,
      steps: [],
    },
    {
      id: '28638002-0000-4000-8000-000000000005',
      title: 'Kosten van de extra acties uit het Actieplan (toezegging begrotingsbehandeling)',
      dossier: '28 638',
      dueOn: ahead(9),
      route: { reviewers: fullChain, decider: 'jenv.bewindspersoon', coSigners: ['BZ', 'BHO'], ministerraad: false },
      steps: initialled,
    },
    {
      id: '28638003-0000-4000-8000-000000000006',
      title: 'Tweejaarlijkse voortgangsrapportage Samen tegen mensenhandel',
      dossier: '28 638',
      dueOn: dates.reportDue,
      route: {
        reviewers: fullChain,
        decider: 'jenv.bewindspersoon',
        coSigners: ['VWS', 'BZ', 'BHO', 'SZW'],
        ministerraad: true,
      },
      steps: [
        ...decided,
        ...['vws.signer', 'bz.signer', 'bho.signer', 'szw.signer'].map((who) => ({
          who,
          decision: 'approve' as const,
        })),
        { who: 'mr.secretariaat', decision: 'hold', remarks: 'Aangehouden: eerst bespreking in de onderraad' },
      ],
    },
    {
      id: '28638004-0000-4000-8000-000000000007',
      title: 'Beantwoording schriftelijk overleg over het Actieplan mensenhandel',
      dossier: '28 638',
      dueOn: ahead(5),
      route: {
        reviewers: ['jenv.directeur', 'jenv.dg'],
        decider: 'jenv.bewindspersoon',
        coSigners: [],
        ministerraad: false,
      },
      steps: [
        { who: 'jenv.directeur', decision: 'approve' },
        { who: 'jenv.dg', decision: 'request_changes', remarks: 'Paragraaf 4.2 Financiële overwegingen aanvullen' },
      ],
    },
    {
      id: '28638005-0000-4000-8000-000000000008',
      title: 'Reactie op het rapport van de Nationaal Rapporteur Mensenhandel',
      dossier: '28 638',
      dueOn: ahead(11),
      route: { reviewers: ['jenv.dg'], decider: 'jenv.bewindspersoon', coSigners: [], ministerraad: false },
      steps: [
        { who: 'jenv.dg', decision: 'approve' },
        { who: 'jenv.bewindspersoon', decision: 'approve', remarks: 'Akkoord, verzenden voor het kerstreces' },
      ],
    },
    {
      // BZ and BHO co-signed the nota of 17 June 2024 already: this one gives their co-signers open work.
      id: '28638009-0000-4000-8000-000000000012',
      title: 'Omzetting van de herziene EU-richtlijn mensenhandel (2024/1712): Kamerbrief over de Nederlandse inzet',
      dossier: '28 638',
      dueOn: ahead(13),
      route: {
        reviewers: ['jenv.directeur'],
        decider: 'jenv.bewindspersoon',
        coSigners: ['BZ', 'BHO'],
        ministerraad: false,
      },
      steps: [
        { who: 'jenv.directeur', decision: 'approve', remarks: 'Geparafeerd' },
        { who: 'jenv.bewindspersoon', decision: 'approve', remarks: 'Akkoord, graag medeondertekening BZ en BHO' },
      ],
    },
    {
      id: '28638006-0000-4000-8000-000000000009',
      // Seed 001: "de bloemlezing voor de herijking van het programma Samen tegen mensenhandel".
      title: 'Bloemlezing herijking programma Samen tegen mensenhandel',
      dossier: '28 638',
      route: { reviewers: fullChain, decider: 'jenv.bewindspersoon', coSigners: [], ministerraad: false },
      steps: [],
    },
  ];
}
