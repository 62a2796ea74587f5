import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { cacheDir } from './go-binary';

/** Pinned: Maven Central's `io.temporal:temporal-test-server`, the Java server that skips time. */
export const TEMPORAL_TEST_SERVER_VERSION = '1.31.0';
/** Pinned too, so the resolution does not depend on the plugin version the local Maven happens to default to. */
const DEPENDENCY_PLUGIN_VERSION = '3.8.1';
/** The SLF4J API version the test server depends on, for its no-op binding. */
const SLF4J_VERSION = '1.7.36';

const WRAPPER = 'test-server.sh';
const CLASSPATH = 'classpath.txt';

/**
 * The time-skipping test server for `TestWorkflowEnvironment.createTimeSkipping`: the SDK would download it, which
 * is not an option here, so its classpath is resolved once from Maven Central (into a Maven repository inside the
 * cache, outside the repository) and a wrapper script that runs it with `java` is kept beside it. Returns the path
 * of that executable wrapper, to pass as `{ type: 'existing-path', path }`.
 */
export function ensureTimeSkippingServer(log: (line: string) => void = () => undefined): string {
  if (process.env.TEMPORAL_TEST_SERVER_PATH) return process.env.TEMPORAL_TEST_SERVER_PATH;
  const root = path.join(cacheDir(), 'time-skipping');
  const dir = path.join(root, TEMPORAL_TEST_SERVER_VERSION);
  const wrapper = path.join(dir, WRAPPER);
  // Checked on every call: a cached wrapper without `java` would fail deep inside the SDK with no hint why.
  requireTool('java', ['-version'], 'the time-skipping test server runs on Java (17 or later)');
  if (isComplete(dir)) {
    refreshWrapper(wrapper, path.join(dir, CLASSPATH));
    return wrapper;
  }

  requireTool('mvn', ['-v'], 'the time-skipping test server is resolved from Maven Central with Maven');
  log(
    `resolving io.temporal:temporal-test-server:${TEMPORAL_TEST_SERVER_VERSION} from Maven Central ` +
      `(once) into ${dir}`,
  );
  const started = Date.now();
  mkdirSync(root, { recursive: true });
  // Build into a scratch directory and rename: a concurrent or interrupted run never leaves half a cache entry.
  const scratch = mkdtempSync(path.join(root, '.build-'));
  try {
    writeFileSync(path.join(scratch, 'pom.xml'), pom());
    const result = spawnSync(
      'mvn',
      [
        '-q',
        '-B',
        '-f',
        path.join(scratch, 'pom.xml'),
        `-Dmaven.repo.local=${path.join(root, 'm2')}`,
        `org.apache.maven.plugins:maven-dependency-plugin:${DEPENDENCY_PLUGIN_VERSION}:build-classpath`,
        '-Dmdep.includeScope=runtime',
        `-Dmdep.outputFile=${path.join(scratch, CLASSPATH)}`,
      ],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 10 * 60_000 },
    );
    if (result.status !== 0 || !existsSync(path.join(scratch, CLASSPATH))) {
      const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.trim().split('\n').slice(-30).join('\n');
      throw new Error(
        `mvn could not resolve io.temporal:temporal-test-server:${TEMPORAL_TEST_SERVER_VERSION} ` +
          `(exit ${result.status ?? result.signal ?? result.error?.message}):\n${output}`,
      );
    }
    chmodSync(scratch, 0o755);
    const classpath = readFileSync(path.join(scratch, CLASSPATH), 'utf8').trim();
    writeFileSync(path.join(scratch, CLASSPATH), `${classpath}\n`);
    writeFileSync(path.join(scratch, WRAPPER), wrapperScript(path.join(dir, CLASSPATH)));
    chmodSync(path.join(scratch, WRAPPER), 0o755);
    if (!isComplete(dir)) {
      rmSync(dir, { recursive: true, force: true });
      try {
        renameSync(scratch, dir);
      } catch (error) {
        // Another run renamed its own complete directory into place first.
        if (!isComplete(dir)) throw error;
      }
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  log(`resolved the time-skipping test server in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return wrapper;
}

/** The wrapper as this version of the script writes it (its JVM flags may have changed since it was made). */
function refreshWrapper(wrapper: string, classpathFile: string): void {
  const wanted = wrapperScript(classpathFile);
  if (readFileSync(wrapper, 'utf8') === wanted) return;
  // Written aside and renamed: a test server starting meanwhile runs either the old script or the new, never half.
  const next = `${wrapper}.${process.pid}`;
  writeFileSync(next, wanted, { mode: 0o755 });
  renameSync(next, wrapper);
}

/** Both files there and every jar of the classpath still present (a cleaned Maven repository means resolve again). */
function isComplete(dir: string): boolean {
  const classpathFile = path.join(dir, CLASSPATH);
  if (!existsSync(path.join(dir, WRAPPER)) || !existsSync(classpathFile)) return false;
  const entries = readFileSync(classpathFile, 'utf8').trim().split(path.delimiter).filter(Boolean);
  return entries.length > 0 && entries.every((entry) => existsSync(entry));
}

function requireTool(command: string, args: string[], why: string): void {
  const result = spawnSync(command, args, { stdio: 'ignore' });
  if (result.error || result.status !== 0) {
    throw new Error(
      `${why}, and \`${command}\` is not on PATH or does not run (${result.error?.message ?? `exit ${result.status}`})`,
    );
  }
}

function wrapperScript(classpathFile: string): string {
  return [
    '#!/bin/sh',
    `# Generated by scripts/lib/time-skipping-server.ts: Temporal's time-skipping test server ${TEMPORAL_TEST_SERVER_VERSION}.`,
    '# The SDK passes the port (and any extra arguments) on the command line. The SDK gives the server 5 s to',
    '# answer: the flags make the JVM start fast (C1 only, serial GC) on a small, busy machine.',
    `exec java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xss1m -cp "$(cat '${classpathFile}')" io.temporal.testserver.TestServer "$@"`,
    '',
  ].join('\n');
}

function pom(): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>notaflow.tools</groupId>
  <artifactId>temporal-test-server-classpath</artifactId>
  <version>1</version>
  <packaging>pom</packaging>
  <dependencies>
    <dependency>
      <groupId>io.temporal</groupId>
      <artifactId>temporal-test-server</artifactId>
      <version>${TEMPORAL_TEST_SERVER_VERSION}</version>
    </dependency>
    <!-- The server logs through SLF4J 1.7 without a binding, which prints a warning at every start. -->
    <dependency>
      <groupId>org.slf4j</groupId>
      <artifactId>slf4j-nop</artifactId>
      <version>${SLF4J_VERSION}</version>
    </dependency>
  </dependencies>
</project>
`;
}
