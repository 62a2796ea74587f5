import {
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@rijkshuisstijl-community/components-react';
import { downloadDocument } from '../../api/documents';
import type { NotaDocument } from '../../api/types';
import { DownloadButton } from '../../components/DownloadButton';
import { documentKind, documentName, formatBytes } from '../../lib/documents';
import { RemoveDocument } from './RemoveDocument';

interface BijlagenTableProps {
  version: number;
  bijlagen: NotaDocument[];
  /** The version is open and the reader its drafter: each bijlage may be removed. */
  mayRemove: boolean;
  onRemoved(document: NotaDocument): void;
}

/** The version's bijlagen: what each is, how large, and the file itself through the session's token. */
export function BijlagenTable({ version, bijlagen, mayRemove, onRemoved }: BijlagenTableProps) {
  return (
    <div className="nf-table-scroll">
      <Table className="nf-table">
        <TableCaption className="nf-visually-hidden">Bijlagen bij versie {version}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">Titel</TableHeaderCell>
            <TableHeaderCell scope="col">Bestand</TableHeaderCell>
            <TableHeaderCell scope="col">Grootte</TableHeaderCell>
            <TableHeaderCell scope="col">Soort</TableHeaderCell>
            <TableHeaderCell scope="col">
              <span className="nf-visually-hidden">Acties</span>
            </TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {bijlagen.map((bijlage) => (
            <TableRow key={bijlage.id}>
              <TableCell>{bijlage.title ?? '–'}</TableCell>
              <TableCell className="nf-break">{bijlage.fileName}</TableCell>
              <TableCell className="nf-nowrap">{formatBytes(bijlage.size)}</TableCell>
              <TableCell>{documentKind(bijlage.mediaType)}</TableCell>
              <TableCell>
                <div className="nf-row-actions">
                  <DownloadButton appearance="subtle-button" download={() => downloadDocument(bijlage)}>
                    Downloaden<span className="nf-visually-hidden"> ({documentName(bijlage)})</span>
                  </DownloadButton>
                  {mayRemove && <RemoveDocument document={bijlage} onRemoved={onRemoved} />}
                </div>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
