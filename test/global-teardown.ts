import { rmSync } from 'node:fs';
import path from 'node:path';

export default async function globalTeardown(): Promise<void> {
  await (globalThis as { __notaflowStop?: () => Promise<void> }).__notaflowStop?.();
  const stackFile = process.env.NOTAFLOW_TEST_STACK;
  if (stackFile) rmSync(path.dirname(stackFile), { recursive: true, force: true });
}
