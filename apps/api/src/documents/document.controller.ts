import { pipeline } from 'node:stream/promises';
import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { Actor } from '@notaflow/domain';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Roles } from '../auth/roles.decorator';
import { DocumentRecordService } from './document-record.service';
import { DocumentService } from './document.service';
import { BeslisnotaDto } from './dto/beslisnota.dto';
import { ChangesDto, ChangesQuery, DocumentDetailDto, DocumentDto, ListDocumentsQuery } from './dto/document.dto';

@ApiTags('documents')
@ApiBearerAuth()
@Controller()
export class DocumentController {
  constructor(
    private readonly documents: DocumentService,
    private readonly records: DocumentRecordService,
  ) {}

  @Post('notas/:id/documents')
  @Roles('drafter')
  @ApiOperation({ summary: "Upload a document to the nota's open version (streamed; one `nota` per version)" })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file', 'role'],
      properties: {
        file: { type: 'string', format: 'binary', description: 'PDF, DOCX, ODT, XLSX, PNG or JPEG' },
        role: { type: 'string', enum: ['nota', 'bijlage'] },
        title: { type: 'string', maxLength: 300 },
      },
    },
  })
  @ApiCreatedResponse({ type: DocumentDto })
  upload(@CurrentActor() actor: Actor, @Param('id') id: string, @Req() req: Request): Promise<DocumentDto> {
    return this.documents.upload(actor, id, req);
  }

  @Post('notas/:id/beslisnota')
  @Roles('drafter')
  @ApiOperation({
    summary: "Write the nota in the beslisnota form: rendered as a PDF, the open version's nota document",
  })
  @ApiCreatedResponse({ type: DocumentDto })
  write(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() body: BeslisnotaDto): Promise<DocumentDto> {
    return this.documents.write(actor, id, body);
  }

  @Get('notas/:id/documents')
  @ApiOperation({ summary: "A version's documents (default: the current version)" })
  @ApiOkResponse({ type: [DocumentDto] })
  list(@CurrentActor() actor: Actor, @Param('id') id: string, @Query() query: ListDocumentsQuery) {
    return this.documents.list(actor, id, query.version);
  }

  @Get('notas/:id/changes')
  @ApiOperation({ summary: "What changed in the nota document's text between two versions, word by word" })
  @ApiOkResponse({ type: ChangesDto })
  changes(@CurrentActor() actor: Actor, @Param('id') id: string, @Query() query: ChangesQuery): Promise<ChangesDto> {
    return this.records.changes(actor, id, query.from, query.to);
  }

  @Get('notas/:id/package')
  @ApiOperation({ summary: 'After dispatch: the final files and manifest.json, as a ZIP (the same bytes every time)' })
  @ApiProduces('application/zip')
  @ApiOkResponse({ description: 'application/zip' })
  async package(@CurrentActor() actor: Actor, @Param('id') id: string, @Res() res: Response): Promise<void> {
    const { fileName, stream } = await this.records.package(actor, id);
    res.setHeader('Content-Type', 'application/zip');
    res.setHeader('Content-Disposition', contentDisposition('attachment', fileName));
    await pipeline(stream, res);
  }

  @Get('documents/:id')
  @ApiOperation({ summary: "A document's metadata, with the beslisnota's sections when it was written in the app" })
  @ApiOkResponse({ type: DocumentDetailDto })
  get(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<DocumentDetailDto> {
    return this.documents.get(actor, id);
  }

  @Get('documents/:id/content')
  @ApiOperation({ summary: 'The bytes, checked against their SHA-256 first (ETag and Repr-Digest carry it)' })
  @ApiOkResponse({ description: 'the file' })
  async content(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const { document, blob } = await this.documents.content(actor, id);
    try {
      const etag = `"${document.sha256}"`;
      res.setHeader('ETag', etag);
      // The bytes behind an id never change; whoever may read them may keep them.
      res.setHeader('Cache-Control', 'private, max-age=31536000, immutable');
      if (req.headers['if-none-match'] === etag) {
        res.status(304).end();
        return;
      }
      res.setHeader('Content-Type', document.mediaType);
      res.setHeader('Content-Length', String(blob.size));
      res.setHeader('Content-Disposition', contentDisposition('attachment', document.fileName));
      res.setHeader('Repr-Digest', `sha-256=:${Buffer.from(document.sha256, 'hex').toString('base64')}:`);
      await pipeline(blob.stream(), res);
    } finally {
      await blob.release();
    }
  }

  @Delete('documents/:id')
  @HttpCode(204)
  @Roles('drafter')
  @ApiOperation({ summary: 'Remove a document from the open version' })
  @ApiNoContentResponse()
  remove(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<void> {
    return this.documents.remove(actor, id);
  }
}

/** RFC 6266: an ASCII name for old clients and the exact one, percent-encoded, for the rest. */
function contentDisposition(type: 'attachment' | 'inline', fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `${type}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
