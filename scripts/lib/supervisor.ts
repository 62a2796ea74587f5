import type { Child } from './child';

/** A started process and how to stop it (PostgreSQL wants SIGINT, the rest SIGTERM). */
export interface Running {
  child: Child;
  stop(): Promise<void>;
}

export interface Part {
  name: string;
  /** Starts the part; resolves once it is ready to be used. */
  start(): Promise<Running>;
  /**
   * Started again when it exits by itself, as docker-compose's `restart: unless-stopped` does: a replica or a
   * Temporal service that dies is the fault the cluster is there to survive, not a reason to stop the rest.
   */
  restart: boolean;
}

/** Exits within this long after a start count as a failed start; after this many in a row it gives up. */
const QUICK_EXIT_MS = 30_000;
const MAX_QUICK_EXITS = 5;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms).unref());

/**
 * Keeps the parts of the cluster running: each is started once and, when it exits by itself, started again after a
 * pause that grows while it keeps failing; a part that cannot stay up, or may not be restarted, ends the cluster
 * (`giveUp`). `stopAll` stops them in the reverse order of their first start, restarts in progress included.
 */
export class Supervisor {
  private readonly running = new Map<string, Running>();
  /** Names in the order of their first start. */
  private readonly order: string[] = [];
  private readonly restarts = new Set<Promise<void>>();
  private stopping = false;
  private wake: () => void = () => undefined;
  /** Resolves once stopAll is called: a pause before a restart ends there. */
  private readonly stopped = new Promise<void>((resolve) => (this.wake = resolve));

  constructor(
    private readonly say: (line: string) => void,
    private readonly giveUp: (reason: string) => void,
  ) {}

  get names(): string[] {
    return [...this.order];
  }

  /** Starts a part and keeps it running; rejects when its first start fails. */
  async start(part: Part): Promise<void> {
    const instance = await part.start();
    if (!this.order.includes(part.name)) this.order.push(part.name);
    this.adopt(part, instance, 0);
  }

  private adopt(part: Part, instance: Running, quickExits: number): void {
    if (this.stopping) {
      void instance.stop();
      return;
    }
    this.running.set(part.name, instance);
    const startedAt = Date.now();
    void instance.child.exited.then((code) => {
      if (this.stopping || this.running.get(part.name) !== instance) return;
      this.running.delete(part.name);
      if (!part.restart) {
        this.giveUp(`${part.name} exited unexpectedly (${code})`);
        return;
      }
      const quick = Date.now() - startedAt < QUICK_EXIT_MS ? quickExits + 1 : 0;
      const restart = this.restartLater(part, `exited (${code})`, quick);
      this.restarts.add(restart);
      void restart.finally(() => this.restarts.delete(restart));
    });
  }

  private async restartLater(part: Part, why: string, quickExits: number): Promise<void> {
    let failures = quickExits;
    let reason = why;
    for (;;) {
      if (failures >= MAX_QUICK_EXITS) {
        this.giveUp(`${part.name} keeps failing (${reason})`);
        return;
      }
      const delay = Math.min(500 * 2 ** failures, 15_000);
      this.say(`${part.name} ${reason}: starting it again in ${(delay / 1000).toFixed(1)} s`);
      await Promise.race([sleep(delay), this.stopped]);
      if (this.stopping) return;
      const started = Date.now();
      try {
        const instance = await part.start();
        this.say(`${part.name} is back (ready in ${((Date.now() - started) / 1000).toFixed(1)} s)`);
        this.adopt(part, instance, failures);
        return;
      } catch (error) {
        failures += 1;
        reason = `could not start: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`;
      }
    }
  }

  /** Stops every part, the last started first, once the restarts in progress have settled. */
  async stopAll(): Promise<void> {
    this.stopping = true;
    this.wake();
    await Promise.allSettled([...this.restarts]);
    for (const name of [...this.order].reverse()) {
      const instance = this.running.get(name);
      this.running.delete(name);
      await instance?.stop().catch((error: unknown) => this.say(`could not stop ${name}: ${String(error)}`));
    }
  }
}
