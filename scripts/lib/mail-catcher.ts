import { mkdirSync } from 'node:fs';
import { startChild, type Child } from './child';
import { waitFor } from './ports';

export interface MailCatcherOptions {
  smtpPort: number;
  webPort: number;
  /** Caught mail is kept here, so a restart shows what came before. */
  mailDir: string;
  logFile: string;
}

export interface RunningMailCatcher {
  /** For SMTP_URL. */
  smtpUrl: string;
  /** The web UI and its REST API (`GET /email`). */
  webUrl: string;
  child: Child;
  stop(): Promise<void>;
}

export interface CaughtMail {
  id: string;
  messageId: string;
  subject: string;
  text: string;
  to: { address: string }[];
  from: { address: string; name: string }[];
}

// Resolved like a module: the same from the sources (tests) and from dist/ (npm start).
const MAILDEV = require.resolve('maildev/bin/maildev');

/**
 * maildev, the SMTP server of the embedded default and the tests: it accepts every email and keeps it for its web
 * UI instead of delivering it. Run as a child process, as every server of the stack is (it keeps module-level
 * state, so one per process would be the limit otherwise).
 */
export async function startMailCatcher(options: MailCatcherOptions): Promise<RunningMailCatcher> {
  mkdirSync(options.mailDir, { recursive: true });
  const child = startChild(
    'maildev',
    process.execPath,
    [
      MAILDEV,
      '--ip',
      '127.0.0.1',
      '--smtp',
      String(options.smtpPort),
      '--web',
      String(options.webPort),
      '--mail-directory',
      options.mailDir,
      '--silent',
    ],
    { logFile: options.logFile, stopWithParent: 'SIGTERM' },
  );
  const webUrl = `http://127.0.0.1:${options.webPort}`;
  try {
    await waitFor(
      'the mail catcher',
      async () => {
        if (child.process.exitCode !== null) throw new Error(`maildev exited; see ${options.logFile}`);
        return (await fetch(`${webUrl}/healthz`)).ok ? true : undefined;
      },
      { timeoutMs: 30_000, intervalMs: 200 },
    );
  } catch (error) {
    await child.stop('SIGKILL');
    throw error;
  }
  return {
    smtpUrl: `smtp://127.0.0.1:${options.smtpPort}`,
    webUrl,
    child,
    stop: () => child.stop('SIGTERM', 5_000),
  };
}

/** Every email the catcher holds, oldest first. */
export async function caughtMail(webUrl: string): Promise<CaughtMail[]> {
  const response = await fetch(`${webUrl}/email`);
  if (!response.ok) throw new Error(`maildev answered ${response.status}`);
  return (await response.json()) as CaughtMail[];
}
