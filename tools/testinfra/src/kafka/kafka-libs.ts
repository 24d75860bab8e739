import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ServerUnavailable } from '../server-unavailable';
import { findExecutable } from '../process/find-executable';
import { runCommand } from '../process/run-command';
import type { ProcessGuard } from '../process/process-guard';

export const KAFKA_VERSION = '4.1.1';
const SLF4J_VERSION = '2.0.17';
const COMPLETE_MARKER = '.complete';

/**
 * Kafka's own pom asks for slf4j-api 1.7, which cannot find a 2.x binding; declaring
 * slf4j-api 2.x directly makes Maven pick it, so slf4j-simple receives the broker's logs.
 */
function pom(): string {
  const dependency = (group: string, artifact: string, version: string): string =>
    `<dependency><groupId>${group}</groupId><artifactId>${artifact}</artifactId><version>${version}</version></dependency>`;
  return `<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>local.testinfra</groupId><artifactId>kafka-runtime</artifactId><version>1</version>
  <packaging>pom</packaging>
  <dependencies>
    ${dependency('org.apache.kafka', 'kafka_2.13', KAFKA_VERSION)}
    ${dependency('org.apache.kafka', 'kafka-server', KAFKA_VERSION)}
    ${dependency('org.slf4j', 'slf4j-api', SLF4J_VERSION)}
    ${dependency('org.slf4j', 'slf4j-simple', SLF4J_VERSION)}
  </dependencies>
</project>
`;
}

export interface LibsContext {
  cacheDir: string;
  /** Where the Maven log goes. */
  workDir: string;
  guard: ProcessGuard;
  log: (line: string) => void;
}

/**
 * The folder of the broker's jars, resolved from Maven Central into the cache on first
 * use. The marker file is written last, so an interrupted download is done again.
 */
export async function kafkaLibs(context: LibsContext): Promise<string> {
  const libs = join(context.cacheDir, `kafka-${KAFKA_VERSION}-libs`);
  if (existsSync(join(libs, COMPLETE_MARKER))) return libs;
  const mvn = findExecutable('mvn');
  if (mvn === undefined) {
    throw new ServerUnavailable(`Kafka ${KAFKA_VERSION} jars are not cached and there is no mvn on PATH`, {
      howTo: 'set KAFKA_BROKERS=host:port, or install Maven 3.8+ (the jars come from Maven Central)',
    });
  }
  context.log(`kafka: fetching Kafka ${KAFKA_VERSION} jars from Maven Central (first run only)`);
  rmSync(libs, { recursive: true, force: true });
  mkdirSync(libs, { recursive: true });
  const pomFile = join(context.workDir, 'kafka-runtime.pom.xml');
  writeFileSync(pomFile, pom());
  await runCommand(
    {
      name: 'mvn',
      command: mvn,
      args: [
        '-B',
        '-q',
        '-f',
        pomFile,
        `-Dmaven.repo.local=${join(context.cacheDir, 'm2')}`,
        'dependency:copy-dependencies',
        '-DincludeScope=runtime',
        `-DoutputDirectory=${libs}`,
      ],
      logFile: join(context.workDir, 'mvn.log'),
    },
    context.guard,
  );
  writeFileSync(join(libs, COMPLETE_MARKER), `${new Date().toISOString()}\n`);
  return libs;
}
