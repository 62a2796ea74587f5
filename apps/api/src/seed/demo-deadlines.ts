import type { IsoDate } from '@notaflow/calendar';
import type { DeadlineClosingStatus, DeadlineKind } from '@notaflow/domain';
import { demoDates } from './demo-dossier';

export interface DemoDeadline {
  /** Fixed, so a second start finds what the first one seeded. */
  id: string;
  kind: DeadlineKind;
  title: string;
  dueOn?: string;
  /** Computed from a standard term instead of dueOn. */
  preset?: { name: 'kamervragen'; from: string };
  notaId?: string;
  recurrence?: string;
  postponement?: { requestedDueOn: string; reason: string; notaId?: string; grantedDueOn: string };
  /** How it ended; open when absent. */
  outcome?: DeadlineClosingStatus;
}

const UITSTELBRIEF = '4914404a-0000-4000-8000-000000000002';

/**
 * The Kamer's deadlines of dossier 28 638 as the seed documents record them (DOMAIN.md, the real timeline): the
 * history with its outcomes, among them the commissiedebat of 12 October 2023 postponed at the ministry's request,
 * and the deadlines still open that the demo notas answer, dated from `today`, the day of seeding, as the notas are.
 */
export function demoDeadlines(today: IsoDate): DemoDeadline[] {
  const dates = demoDates(today);
  return [
    ...HISTORY,
    {
      id: '28638d01-0000-4000-8000-000000000006',
      kind: 'motie',
      title: 'Uitvoering motie Bikker c.s. (28 638, nr. 238): fundamentele herziening van het Actieplan',
      dueOn: dates.motieDue,
      notaId: '28638001-0000-4000-8000-000000000004',
    },
    {
      // Seed 004: "Uw Kamer zal tweejaarlijks worden geïnformeerd": every two years (P2Y), not twice a year.
      id: '28638d01-0000-4000-8000-000000000007',
      kind: 'reporting',
      title: 'Voortgangsrapportage Actieplan Samen tegen mensenhandel',
      dueOn: dates.reportDue,
      notaId: '28638003-0000-4000-8000-000000000006',
      recurrence: 'P2Y',
    },
    {
      id: '28638d01-0000-4000-8000-000000000008',
      kind: 'kamervragen',
      title: 'Kamervragen over mensenhandel in de prostitutiesector',
      preset: { name: 'kamervragen', from: dates.kamervragenReceived },
      notaId: '28638007-0000-4000-8000-000000000010',
    },
  ];
}

const HISTORY: DemoDeadline[] = [
  {
    id: '28638d01-0000-4000-8000-000000000001',
    kind: 'commissiedebat',
    title: 'Commissiedebat prostitutiebeleid en mensenhandel',
    dueOn: '2023-01-19',
    outcome: 'met',
  },
  {
    // Seed 001: at the commissiedebat of 19 January 2023 the minister promised the bloemlezing of the first
    // rondetafel; no term was named, so it stands as due on the day it was kept, with Kamerstuk 28 638, nr. 217.
    id: '28638d01-0000-4000-8000-000000000009',
    kind: 'toezegging',
    title: 'Bloemlezing van de herijking van het programma Samen tegen mensenhandel sturen',
    dueOn: '2023-03-22',
    outcome: 'met',
  },
  {
    // Seed 001: "Ik ben voornemens het actieplan voor het zomerreces met uw Kamer te delen"; zomerreces 2023 began
    // on 7 July. The Actieplan followed on 18 October.
    id: '28638d01-0000-4000-8000-000000000002',
    kind: 'toezegging',
    title: 'Actieplan Samen tegen mensenhandel vóór het zomerreces met de Kamer delen',
    dueOn: '2023-07-06',
    outcome: 'missed',
  },
  {
    // Seed 000: the letter of 22 September 2023 asks to hold the debate after the begrotingsbehandeling; it was
    // held on 21 December 2023.
    id: '28638d01-0000-4000-8000-000000000003',
    kind: 'commissiedebat',
    title: 'Commissiedebat programma Samen tegen mensenhandel',
    dueOn: '2023-10-12',
    postponement: {
      requestedDueOn: '2023-11-30',
      reason:
        'Het Actieplan is niet vóór de Algemene Politieke Beschouwingen gereed; verzoek het commissiedebat tot na de ' +
        'begrotingsbehandeling uit te stellen, zodat er ruimte is het Actieplan diepgaand te bespreken.',
      notaId: UITSTELBRIEF,
      grantedDueOn: '2023-12-21',
    },
    outcome: 'met',
  },
  {
    id: '28638d01-0000-4000-8000-000000000004',
    kind: 'begrotingsbehandeling',
    title: 'Begrotingsbehandeling Justitie en Veiligheid 2024',
    dueOn: '2024-02-07',
    outcome: 'met',
  },
  {
    // Seed 003: the toezegging of 21 December 2023, kept with Kamerstuk 28 638, nr. 247 of 2 February 2024.
    id: '28638d01-0000-4000-8000-000000000005',
    kind: 'toezegging',
    title: 'Brief over de kosten van extra acties vóór de begrotingsbehandeling van 7 en 8 februari 2024',
    dueOn: '2024-02-06',
    outcome: 'met',
  },
  {
    // Seed 004: the schriftelijk overleg of 16 May 2024 on the Actieplan, answered on 7 June 2024.
    id: '28638d01-0000-4000-8000-000000000010',
    kind: 'other',
    title: 'Beantwoording schriftelijk overleg over het Actieplan Samen tegen mensenhandel',
    dueOn: '2024-06-07',
    outcome: 'met',
  },
];
