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

/** test/histories/<workflow>/v<n>/*.json: what each released version recorded; altered/*.json: must fail. */
const root = path.resolve(__dirname, '../test/histories');
const silent = { log() {}, trace() {}, debug() {}, info() {}, warn() {}, error() {} };

function load(file: string): unknown {
  return JSON.parse(readFileSync(file, 'utf8'));
}

function jsonFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => path.join(dir, f));
}

const workflows = readdirSync(root, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);
const recorded = workflows.flatMap((workflow) =>
  readdirSync(path.join(root, workflow))
    .filter((d) => /^v\d+$/.test(d))
    .flatMap((version) => jsonFiles(path.join(root, workflow, version)))
    .map((file) => [path.relative(root, file), file] as const),
);
const altered = workflows.flatMap((workflow) =>
  jsonFiles(path.join(root, workflow, 'altered')).map((file) => [path.relative(root, file), file] as const),
);

/**
 * Every released version's recorded histories must replay on the current code: a change that running flows
 * would not replay fails here unless it sits behind patched().
 */
describe('replaying recorded workflow histories', () => {
  let bundle: WorkflowBundle;
  beforeAll(async () => {
    // The altered histories make the SDK core log its nondeterminism error; forwarded to the silent logger.
    Runtime.install({
      logger: silent,
      shutdownSignals: [],
      telemetryOptions: { logging: { filter: makeTelemetryFilterString({ core: 'ERROR' }), forward: {} } },
    });
    bundle = await bundleWorkflowCode({ ...workflowBundleOptions(), logger: silent });
  }, 60_000);

  it('has recorded histories of each workflow to replay, and an altered one of each', () => {
    expect(workflows.sort()).toEqual(['deadline-watch', 'nota-flow']);
    for (const workflow of workflows) {
      expect(recorded.filter(([name]) => name.startsWith(`${workflow}/`)).length).toBeGreaterThanOrEqual(2);
      expect(altered.filter(([name]) => name.startsWith(`${workflow}/`)).length).toBeGreaterThanOrEqual(1);
    }
  });

  it.each(recorded)('replays %s', async (name, file) => {
    await expect(
      Worker.runReplayHistory({ workflowBundle: bundle, replayName: name }, load(file)),
    ).resolves.toBeUndefined();
  });

  it.each(altered)('fails on %s, a history the code would not produce', async (_name, file) => {
    await expect(Worker.runReplayHistory({ workflowBundle: bundle }, load(file))).rejects.toThrow(
      DeterminismViolationError,
    );
  });
});
