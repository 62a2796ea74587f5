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
}

export function startChild(name: string, command: string, args: string[], options: StartOptions = {}): Child {
  const { logFile, echo, ...spawnOptions } = options;
  const proc = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], ...spawnOptions });
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
