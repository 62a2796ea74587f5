import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../../scripts/lib/ports';
import { startMailCatcher, type RunningMailCatcher } from '../../scripts/lib/mail-catcher';

/** A maildev of the test's own, on free ports, in a temporary directory that its stop() removes. */
export async function startTestMailCatcher(): Promise<RunningMailCatcher> {
  const mailDir = mkdtempSync(path.join(os.tmpdir(), 'notaflow-mail-'));
  const catcher = await startMailCatcher({
    smtpPort: await freePort(),
    webPort: await freePort(),
    mailDir,
    logFile: path.join(mailDir, 'maildev.log'),
  });
  return {
    ...catcher,
    async stop() {
      await catcher.stop();
      rmSync(mailDir, { recursive: true, force: true });
    },
  };
}
