import { useState, type FormEvent } from 'react';
import {
  Alert,
  Button,
  Heading,
  OrderedList,
  OrderedListItem,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@rijkshuisstijl-community/components-react';
import { answer, client } from '../api/client';
import type { CalendarFeed, CreatedCalendarFeed } from '../api/types';
import { useApi } from '../api/use-api';
import { useSubmit } from '../api/use-submit';
import { TextField } from '../components/Fields';
import { FormDialog } from '../components/FormDialog';
import { formatInstant } from '../lib/dates';
import { usePageTitle } from '../lib/page-title';

/** A personal iCal feed of the organisation's Kamer deadlines, for Outlook: made, shown once, listed and revoked. */
export function CalendarFeedsPage() {
  usePageTitle('Agenda-abonnement');
  const feeds = useApi('/api/v1/calendar-feeds');
  const [name, setName] = useState('Outlook');
  const [created, setCreated] = useState<CreatedCalendarFeed>();
  const [revoking, setRevoking] = useState<CalendarFeed>();
  const submission = useSubmit();
  const revocation = useSubmit();

  async function create(event: FormEvent) {
    event.preventDefault();
    let made: CreatedCalendarFeed | undefined;
    const ok = await submission.run(async () => {
      made = await answer(client.POST('/api/v1/calendar-feeds', { body: name.trim() ? { name: name.trim() } : {} }));
    });
    if (ok && made) {
      setCreated(made);
      feeds.reload();
    }
  }

  function revoked(feed: CalendarFeed) {
    setRevoking(undefined);
    if (created?.id === feed.id) setCreated(undefined);
    feeds.reload();
  }

  return (
    <>
      <Heading level={1}>Agenda-abonnement</Heading>
      <Paragraph>
        Zie de Kamertermijnen van uw organisatie in uw eigen agenda, zoals Outlook: als afspraken van een hele dag, die
        meeschuiven als de Kamer uitstel verleent. Het adres van een abonnement is persoonlijk; behandel het als een
        wachtwoord.
      </Paragraph>

      <section aria-labelledby="nieuw" className="nf-panel">
        <Heading level={2} appearanceLevel={4} id="nieuw">
          Nieuw abonnement
        </Heading>
        {submission.failure && (
          <Alert type="error">
            <Paragraph>{submission.failure}</Paragraph>
          </Alert>
        )}
        <form className="nf-form" onSubmit={(event) => void create(event)} noValidate>
          <TextField
            id="feed-name"
            label="Naam"
            description="Om uw abonnementen uit elkaar te houden, bijvoorbeeld 'Outlook werk'."
            optional
            width="md"
            maxLength={100}
            value={name}
            onChange={setName}
            error={submission.errors.name}
          />
          <Button appearance="primary-action-button" type="submit" busy={submission.busy} disabled={submission.busy}>
            Abonnement maken
          </Button>
        </form>
      </section>

      {created && (
        <section aria-labelledby="adres" className="nf-panel nf-panel--highlight" role="region">
          <Heading level={2} appearanceLevel={4} id="adres">
            Uw abonnementsadres
          </Heading>
          <Alert type="warning">
            <Paragraph>
              Dit adres ziet u maar één keer. Kopieer het nu; kwijt is niet erg: maak dan een nieuw abonnement en trek
              dit in.
            </Paragraph>
          </Alert>
          <CopyField id="feed-url" label="Adres" value={created.url} />
          <CopyField id="feed-webcal" label="Adres voor agenda-apps (webcal)" value={created.webcalUrl} />
          <Heading level={3} appearanceLevel={5}>
            Zo voegt u het toe in Outlook
          </Heading>
          <OrderedList>
            <OrderedListItem>Kopieer het adres hierboven.</OrderedListItem>
            <OrderedListItem>
              Outlook: kies <em>Agenda toevoegen</em> en dan <em>Abonneren via internet</em> (Outlook op het web:{' '}
              <em>Agenda toevoegen → Abonneren vanaf internet</em>).
            </OrderedListItem>
            <OrderedListItem>Plak het adres, geef de agenda een naam en kies Importeren of Opslaan.</OrderedListItem>
            <OrderedListItem>Outlook ververst het abonnement ongeveer elk uur.</OrderedListItem>
          </OrderedList>
          <Paragraph>
            <a className="nl-link" href={created.webcalUrl}>
              Of open het direct in uw agenda-app
            </a>
          </Paragraph>
        </section>
      )}

      <section aria-labelledby="mijn-abonnementen" className="nf-section">
        <Heading level={2} id="mijn-abonnementen">
          Uw abonnementen
        </Heading>
        {feeds.error && (
          <Alert type="error">
            <Paragraph>{feeds.error.message}</Paragraph>
          </Alert>
        )}
        {feeds.data && feeds.data.length === 0 && <Paragraph>U heeft nog geen abonnementen.</Paragraph>}
        {feeds.data && feeds.data.length > 0 && (
          <div className="nf-table-scroll">
            <Table className="nf-table">
              <TableCaption className="nf-visually-hidden">Uw agenda-abonnementen</TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">Naam</TableHeaderCell>
                  <TableHeaderCell scope="col">Gemaakt</TableHeaderCell>
                  <TableHeaderCell scope="col">Laatst gebruikt</TableHeaderCell>
                  <TableHeaderCell scope="col">Status</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {feeds.data.map((feed) => (
                  <TableRow key={feed.id}>
                    <TableCell>{feed.name ?? 'Zonder naam'}</TableCell>
                    <TableCell>{formatInstant(feed.createdAt)}</TableCell>
                    <TableCell>{feed.lastUsedAt ? formatInstant(feed.lastUsedAt) : 'nog niet'}</TableCell>
                    <TableCell>
                      {feed.revokedAt ? (
                        <span className="nf-tag nf-tag--neutral">Ingetrokken {formatInstant(feed.revokedAt)}</span>
                      ) : (
                        <Button appearance="secondary-action-button" onClick={() => setRevoking(feed)}>
                          Intrekken<span className="nf-visually-hidden"> ({feed.name ?? 'zonder naam'})</span>
                        </Button>
                      )}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        )}
      </section>

      {revoking && (
        <FormDialog
          open
          title="Abonnement intrekken"
          submission={revocation}
          submitLabel="Intrekken"
          send={() => answer(client.DELETE('/api/v1/calendar-feeds/{id}', { params: { path: { id: revoking.id } } }))}
          onDone={() => revoked(revoking)}
          onClose={() => setRevoking(undefined)}
          intro={
            <Paragraph>
              Na intrekken werkt het adres van &lsquo;{revoking.name ?? 'zonder naam'}&rsquo; niet meer; de agenda toont
              dan geen termijnen meer.
            </Paragraph>
          }
        />
      )}
    </>
  );
}

function CopyField({ id, label, value }: { id: string; label: string; value: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <div className="nf-copy">
      <label className="utrecht-form-label" htmlFor={id}>
        {label}
      </label>
      <div className="nf-copy__row">
        <input
          id={id}
          className="utrecht-textbox utrecht-textbox--html-input nf-input nf-input--lg"
          readOnly
          value={value}
          onFocus={(event) => event.target.select()}
        />
        <Button
          appearance="secondary-action-button"
          onClick={() => {
            const input = document.getElementById(id) as HTMLInputElement | null;
            input?.select();
            // The clipboard API needs a secure context; selecting the text lets the user press Ctrl+C otherwise.
            void navigator.clipboard?.writeText(value).then(
              () => setCopied(true),
              () => setCopied(false),
            );
          }}
        >
          Kopiëren<span className="nf-visually-hidden"> ({label})</span>
        </Button>
      </div>
      <span className="nf-subtle" role="status">
        {copied ? 'Gekopieerd.' : ''}
      </span>
    </div>
  );
}
