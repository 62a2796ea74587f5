import { useState, type FormEvent } from 'react';
import {
  Alert,
  Button,
  Heading,
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
import { useApi } from '../api/use-api';
import { useSubmit } from '../api/use-submit';
import { useProfile } from '../auth/AuthProvider';
import { TextField } from '../components/Fields';
import { formatDay } from '../lib/dates';
import { usePageTitle } from '../lib/page-title';

/** The calendar as data: the Kamer's recesses and the ministerraad's breaks, kept by functional management. */
export function CalendarPage() {
  usePageTitle('Kalender');
  const profile = useProfile();
  const admin = profile.role === 'admin';
  return (
    <>
      <Heading level={1}>Kalender</Heading>
      <Paragraph>
        Recessen van de Tweede Kamer en perioden zonder ministerraad. Termijnen en de planning van de ministerraad
        rekenen ermee.
      </Paragraph>
      <Periods kind={RECESSES} title="Recessen van de Tweede Kamer" id="recesses" admin={admin} />
      <Periods kind={BREAKS} title="Perioden zonder ministerraad" id="breaks" admin={admin} />
    </>
  );
}

const RECESSES = { list: '/api/v1/calendar/recesses', one: '/api/v1/calendar/recesses/{id}' } as const;
const BREAKS = {
  list: '/api/v1/calendar/ministerraad-breaks',
  one: '/api/v1/calendar/ministerraad-breaks/{id}',
} as const;

interface PeriodsProps {
  kind: typeof RECESSES | typeof BREAKS;
  title: string;
  id: string;
  admin: boolean;
}

function Periods({ kind, title, id, admin }: PeriodsProps) {
  const periods = useApi(kind.list);
  const [name, setName] = useState('');
  const [fromOn, setFromOn] = useState('');
  const [toOn, setToOn] = useState('');
  const submission = useSubmit();
  const removal = useSubmit();

  async function add(event: FormEvent) {
    event.preventDefault();
    const own: Record<string, string> = {};
    if (!name.trim()) own.name = 'Vul de naam in.';
    if (!fromOn) own.fromOn = 'Vul de eerste dag in.';
    if (!toOn) own.toOn = 'Vul de laatste dag in.';
    if (Object.keys(own).length) return submission.setErrors(own);
    const ok = await submission.run(() =>
      answer(client.POST(kind.list, { body: { name: name.trim(), fromOn, toOn } })),
    );
    if (ok) {
      setName('');
      setFromOn('');
      setToOn('');
      periods.reload();
    }
  }

  return (
    <section aria-labelledby={id} className="nf-section">
      <Heading level={2} id={id}>
        {title}
      </Heading>
      {(periods.error || removal.failure) && (
        <Alert type="error">
          <Paragraph>{periods.error?.message ?? removal.failure}</Paragraph>
        </Alert>
      )}
      {periods.data && (
        <div className="nf-table-scroll">
          <Table className="nf-table">
            <TableCaption className="nf-visually-hidden">{title}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">Naam</TableHeaderCell>
                <TableHeaderCell scope="col">Van</TableHeaderCell>
                <TableHeaderCell scope="col">Tot en met</TableHeaderCell>
                {admin && <TableHeaderCell scope="col">Beheer</TableHeaderCell>}
              </TableRow>
            </TableHeader>
            <TableBody>
              {periods.data.map((period) => (
                <TableRow key={period.id}>
                  <TableCell>{period.name}</TableCell>
                  <TableCell>{formatDay(period.fromOn)}</TableCell>
                  <TableCell>{formatDay(period.toOn)}</TableCell>
                  {admin && (
                    <TableCell>
                      <Button
                        appearance="subtle-button"
                        onClick={() =>
                          void removal
                            .run(() => answer(client.DELETE(kind.one, { params: { path: { id: period.id } } })))
                            .then((ok) => ok && periods.reload())
                        }
                      >
                        Verwijderen<span className="nf-visually-hidden"> ({period.name})</span>
                      </Button>
                    </TableCell>
                  )}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
      {admin && (
        <form
          className="nf-form nf-form--inline"
          aria-label={`${title}: periode toevoegen`}
          onSubmit={(event) => void add(event)}
          noValidate
        >
          {submission.failure && (
            <Alert type="error">
              <Paragraph>{submission.failure}</Paragraph>
            </Alert>
          )}
          <TextField
            id={`${id}-name`}
            label="Naam"
            width="md"
            value={name}
            onChange={setName}
            error={submission.errors.name}
          />
          <TextField
            id={`${id}-fromOn`}
            label="Van"
            type="date"
            width="sm"
            value={fromOn}
            onChange={setFromOn}
            error={submission.errors.fromOn}
          />
          <TextField
            id={`${id}-toOn`}
            label="Tot en met"
            type="date"
            width="sm"
            value={toOn}
            onChange={setToOn}
            error={submission.errors.toOn}
          />
          <Button appearance="secondary-action-button" type="submit" busy={submission.busy} disabled={submission.busy}>
            Toevoegen
          </Button>
        </form>
      )}
    </section>
  );
}
