import { Inject, Injectable } from '@nestjs/common';
import type { Connection } from '@temporalio/client';
import { HealthRepository } from '@notaflow/persistence';
import { TEMPORAL_PROBE_CONNECTION } from '../temporal/temporal.module';

export type PartStatus = 'ok' | 'down';
export interface HealthReport {
  status: 'ok' | 'down';
  database: PartStatus;
  temporal: PartStatus;
}

const PROBE_TIMEOUT_MS = 2000;

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

@Injectable()
export class HealthService {
  constructor(
    private readonly database: HealthRepository,
    @Inject(TEMPORAL_PROBE_CONNECTION) private readonly temporal: Connection,
  ) {}

  async check(): Promise<HealthReport> {
    const [database, temporal] = await Promise.all([
      this.probe(() => this.database.ping()),
      this.probe(() =>
        this.temporal.withDeadline(Date.now() + PROBE_TIMEOUT_MS, () =>
          this.temporal.workflowService.getSystemInfo({}),
        ),
      ),
    ]);
    return { status: database === 'ok' && temporal === 'ok' ? 'ok' : 'down', database, temporal };
  }

  private async probe(call: () => Promise<unknown>): Promise<PartStatus> {
    try {
      await withTimeout(call(), PROBE_TIMEOUT_MS);
      return 'ok';
    } catch {
      return 'down';
    }
  }
}
