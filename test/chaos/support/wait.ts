/**
 * Waits until `probe` gives a value, like scripts/lib/ports' waitFor, but stops at once when `gone` names a reason
 * (the process being waited for has exited): waitFor would keep probing a dead process until its timeout.
 */
export async function untilReady<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  { gone, timeoutMs, intervalMs = 250 }: { gone: () => string | undefined; timeoutMs: number; intervalMs?: number },
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    const reason = gone();
    if (reason) throw new Error(`${what}: ${reason}`);
    try {
      const result = await probe();
      if (result !== undefined) return result;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      const last = lastError instanceof Error ? ` (last: ${lastError.message})` : '';
      throw new Error(`${what}: not within ${timeoutMs / 1000} s${last}`);
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
