import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import {
  Runtime,
  Worker,
  bundleWorkflowCode,
  makeTelemetryFilterString,
  type WorkflowBundle,
} from '@temporalio/worker';
import { DeterminismViolationError } from '@temporalio/workflow';
import { workflowBundleOptions } from '../apps/worker/src/bundle';

const histories = path.resolve(__dirname, '../test/histories/nota-flow');
const silent = { log() {}, trace() {}, debug() {}, info() {}, warn() {}, error() {} };

function load(file: string): unknown {
  return JSON.parse(readFileSync(file, 'utf8'));
}

/**
 * Every released version's recorded histories must replay on the current code: a change that running flows
 * would not replay fails here unless it sits behind patched().
 */
describe('replaying recorded histories of the approval workflow', () => {
  let bundle: WorkflowBundle;
  beforeAll(async () => {
    // The altered history makes the SDK core log its nondeterminism error; forwarded to the silent logger.
    Runtime.install({
      logger: silent,
      shutdownSignals: [],
      telemetryOptions: { logging: { filter: makeTelemetryFilterString({ core: 'ERROR' }), forward: {} } },
    });
    bundle = await bundleWorkflowCode({ ...workflowBundleOptions(), logger: silent });
  }, 60_000);

  const released = readdirSync(histories).filter((d) => /^v\d+$/.test(d));
  const cases = released.flatMap((version) =>
    readdirSync(path.join(histories, version))
      .filter((f) => f.endsWith('.json'))
      .map((file) => [`${version}/${file}`, path.join(histories, version, file)] as const),
  );

  it('has recorded histories to replay', () => {
    expect(cases.length).toBeGreaterThanOrEqual(3);
  });

  it.each(cases)('replays %s', async (_name, file) => {
    await expect(
      Worker.runReplayHistory({ workflowBundle: bundle, replayName: _name }, load(file)),
    ).resolves.toBeUndefined();
  });

  it('fails on a history that the code would not produce (a deliberately altered one)', async () => {
    await expect(
      Worker.runReplayHistory(
        { workflowBundle: bundle },
        load(path.join(histories, 'altered', 'dispatched-altered.json')),
      ),
    ).rejects.toThrow(DeterminismViolationError);
  });
});
