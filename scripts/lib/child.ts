import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { createWriteStream } from 'node:fs';

export interface Child {
  name: string;
  process: ChildProcess;
  /** Resolves with the exit code (or signal) when the process has gone. */
  exited: Promise<number | string>;
  /** SIGTERM (or the given signal), then SIGKILL after the grace period. */
  stop(signal?: NodeJS.Signals, graceMs?: number): Promise<void>;
}

export interface StartOptions extends SpawnOptions {
  /** Append the process's output to this file instead of inheriting the terminal. */
  logFile?: string;
  /** Write the output to this stream, each line prefixed with the name. */
  echo?: NodeJS.WritableStream;
  /**
   * Stop the child with this signal when this process dies without stopping it (a crash, kill -9), so that no
   * server outlives the test run or stack that started it.
   */
  stopWithParent?: NodeJS.Signals;
}

export function startChild(name: string, command: string, args: string[], options: StartOptions = {}): Child {
  const { logFile, echo, stopWithParent, ...spawnOptions } = options;
  const proc = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], ...spawnOptions });
  if (stopWithParent && proc.pid) watchParent(proc.pid, stopWithParent);
  if (logFile) {
    const log = createWriteStream(logFile, { flags: 'a' });
    proc.stdout?.pipe(log);
    proc.stderr?.pipe(log);
  }
  if (echo) {
    for (const stream of [proc.stdout, proc.stderr]) {
      let pending = '';
      stream?.on('data', (chunk: Buffer) => {
        const lines = (pending + chunk.toString('utf8')).split('\n');
        pending = lines.pop() ?? '';
        for (const line of lines) echo.write(`${name.padEnd(8)}| ${line}\n`);
      });
    }
  }
  if (!logFile && !echo) {
    proc.stdout?.resume();
    proc.stderr?.resume();
  }
  const exited = new Promise<number | string>((resolve) => {
    proc.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown'));
    proc.once('error', (error) => resolve(`failed: ${error.message}`));
  });
  return {
    name,
    process: proc,
    exited,
    async stop(signal: NodeJS.Signals = 'SIGTERM', graceMs = 15_000) {
      if (proc.exitCode !== null || proc.signalCode !== null) return;
      proc.kill(signal);
      const timer = setTimeout(() => proc.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** A detached shell that outlives us by at most a second and stops the child if we did not. */
function watchParent(childPid: number, signal: NodeJS.Signals): void {
  const script = `while kill -0 ${process.pid} 2>/dev/null && kill -0 ${childPid} 2>/dev/null; do sleep 1; done; kill -0 ${childPid} 2>/dev/null && kill -${signal.replace('SIG', '')} ${childPid}`;
  spawn('sh', ['-c', script], { detached: true, stdio: 'ignore' }).unref();
}
