import { createHash } from 'node:crypto';
import { Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { mayActOnTask, type Actor, type TaskHolder } from '@notaflow/domain';
import { listenToTaskHolders, type TaskView } from '@notaflow/persistence';

/** An inbox as sent: its JSON, and a strong ETag naming exactly those bytes. */
export interface InboxAnswer {
  body: string;
  etag: string;
}

interface Entry extends InboxAnswer {
  actor: Actor;
}

/** Bounds the memory the cached answers take; the oldest go first. */
const MAX_CACHED_BYTES = 64 * 2 ** 20;
const RETRY_MS = { first: 500, max: 30_000 };

/**
 * Each holder's inbox (their open tasks, the first page), kept as the bytes sent until a transaction opens or closes
 * a task they hold: the flow's transitions say whose (NOTIFY from recordTransition's transaction), on a connection
 * this cache listens on. While it does not listen (starting, or the connection lost until it listens again) it keeps
 * nothing, since it could miss news. An answer read while news arrived is sent but not kept: it may predate it.
 */
@Injectable()
export class InboxCache implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(InboxCache.name);
  private readonly entries = new Map<string, Entry>();
  private bytes = 0;
  /** Counts news: an answer read across a change of it is not kept. */
  private generation = 0;
  private listening: { close(): Promise<void> } | undefined;
  private retry: NodeJS.Timeout | undefined;
  private closed = false;
  private heard!: () => void;
  /** Settles once the cache listens for the first time: from then on it keeps answers. */
  readonly listeningOnce = new Promise<void>((resolve) => (this.heard = resolve));

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  onModuleInit(): void {
    // Not awaited: the API serves from PostgreSQL until the cache listens.
    void this.listen(RETRY_MS.first);
  }

  async onApplicationShutdown(): Promise<void> {
    this.closed = true;
    clearTimeout(this.retry);
    await this.listening?.close();
  }

  /** The inbox of `actor`, kept or read by `read`. */
  async answer(actor: Actor, read: () => Promise<TaskView[]>): Promise<InboxAnswer> {
    const key = `${actor.username}\n${actor.role}\n${actor.organisation}`;
    const kept = this.listening && this.entries.get(key);
    if (kept) return kept;
    const generation = this.generation;
    const body = JSON.stringify(await read());
    const entry: Entry = { body, etag: `"${createHash('sha256').update(body).digest('base64url')}"`, actor };
    if (this.listening && generation === this.generation) this.keep(key, entry);
    return entry;
  }

  /** Forgets every inbox: after this process took a decision, so that its caller reads their own write at once. */
  forgetAll(): void {
    this.generation++;
    this.entries.clear();
    this.bytes = 0;
  }

  private keep(key: string, entry: Entry): void {
    this.drop(key);
    this.entries.set(key, entry);
    this.bytes += entry.body.length;
    for (const oldest of this.entries.keys()) {
      if (this.bytes <= MAX_CACHED_BYTES) break;
      this.drop(oldest);
    }
  }

  private drop(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.bytes -= entry.body.length;
  }

  private changed(holders: TaskHolder[] | null): void {
    if (holders === null) return this.forgetAll();
    this.generation++;
    for (const [key, entry] of this.entries) {
      if (holders.some((holder) => mayActOnTask(holder, entry.actor))) this.drop(key);
    }
  }

  private async listen(wait: number): Promise<void> {
    if (this.closed) return;
    try {
      this.listening = await listenToTaskHolders(this.dataSource, {
        changed: (holders) => this.changed(holders),
        lost: (error) => {
          this.listening = undefined;
          this.forgetAll();
          if (this.closed) return;
          this.logger.warn({ err: error }, 'inbox cache: not listening for task changes; answering from PostgreSQL');
          this.retry = setTimeout(() => void this.listen(RETRY_MS.first), RETRY_MS.first).unref();
        },
      });
      // Whatever was read before it listened may have missed news.
      this.forgetAll();
      this.heard();
      if (this.closed) await this.listening.close();
    } catch (error) {
      this.logger.warn({ err: error }, `inbox cache: cannot listen for task changes; trying again in ${wait} ms`);
      this.retry = setTimeout(() => void this.listen(Math.min(2 * wait, RETRY_MS.max)), wait).unref();
    }
  }
}
