import { deadlineMissedMessage, deadlineReminderMessage, type DeadlineFacts } from './deadline-messages';

const WEB = 'https://notaflow.minjenv.example';
const deadline: DeadlineFacts = {
  id: 'd1',
  kind: 'toezegging',
  title: 'Brief over de aanpak van mensenhandel',
  dossier: '28 638',
  dueOn: '2026-12-07',
  originalDueOn: '2026-12-07',
};

describe(deadlineReminderMessage.name, () => {
  it.each([
    [0, 'vandaag'],
    [1, 'over 1 werkdag'],
    [5, 'over 5 werkdagen'],
  ])('reminds %i working days ahead as "%s", with the due day in words and a link', (lead, when) => {
    expect(deadlineReminderMessage(deadline, lead, WEB)).toEqual({
      subject: `Herinnering: Toezegging: Brief over de aanpak van mensenhandel (Kamerstukdossier 28 638) verloopt ${when} (maandag 7 december 2026)`,
      body:
        'Toezegging: Brief over de aanpak van mensenhandel (Kamerstukdossier 28 638) moet uiterlijk maandag 7 december 2026 ' +
        'zijn afgehandeld.\n\nTermijn: https://notaflow.minjenv.example/termijnen/d1',
    });
  });

  it('says a postponed deadline was postponed, and from when', () => {
    const postponed = { ...deadline, dossier: null, originalDueOn: '2026-11-12' };
    expect(deadlineReminderMessage(postponed, 1, WEB).body).toMatch(
      /^Toezegging: Brief .* moet uiterlijk maandag 7 december 2026 zijn afgehandeld \(na uitstel; oorspronkelijk donderdag 12 november 2026\)\./,
    );
  });
});

describe(deadlineMissedMessage.name, () => {
  it('says the deadline was missed, and links to it', () => {
    expect(deadlineMissedMessage({ ...deadline, kind: 'motie' }, WEB)).toEqual({
      subject:
        'Termijn verstreken: Motie: Brief over de aanpak van mensenhandel (Kamerstukdossier 28 638) (maandag 7 december 2026)',
      body:
        'Motie: Brief over de aanpak van mensenhandel (Kamerstukdossier 28 638) had uiterlijk maandag 7 december 2026 moeten ' +
        'zijn afgehandeld en is als gemist geregistreerd.\n\nTermijn: https://notaflow.minjenv.example/termijnen/d1',
    });
  });
});
