import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ServerUnavailable } from '../server-unavailable';
import { findExecutable } from '../process/find-executable';

const MIN_JAVA = 17;

/** The `java` of JAVA_HOME or PATH, if it is Java 17 or newer. */
export function findJava(): string {
  const javaHome = process.env.JAVA_HOME;
  const java = javaHome ? join(javaHome, 'bin', 'java') : findExecutable('java');
  if (java === undefined) throw new ServerUnavailable('no java on PATH');
  const result = spawnSync(java, ['-version'], { encoding: 'utf8' });
  if (result.error) throw new ServerUnavailable(`${java} -version failed: ${result.error.message}`);
  const major = parseJavaMajor(`${result.stderr}${result.stdout}`);
  if (major === undefined || major < MIN_JAVA) {
    throw new ServerUnavailable(`${java} is Java ${major ?? 'of unknown version'}, Kafka needs ${MIN_JAVA}+`);
  }
  return java;
}

/** 17 from 'openjdk version "17.0.15"', 8 from 'java version "1.8.0_392"'. */
function parseJavaMajor(versionOutput: string): number | undefined {
  const match = /version "(\d+)(?:\.(\d+))?/.exec(versionOutput);
  if (!match?.[1]) return undefined;
  const first = Number(match[1]);
  return first === 1 && match[2] ? Number(match[2]) : first;
}
