import { ConfigError, loadServiceConfig } from '@portal/config';
import { createServiceApp, type ServiceDefinition } from './create-service-app';
import { dependencyChecks, runDependencyChecks } from './startup/dependency-checks';
import { StartupError } from './startup/startup-error';

/**
 * The entry point of every service process: validates the configuration, proves the
 * configured servers answer, then listens. A problem a user can fix ends the
 * process with one line on stderr and exit code 1, not a stack trace.
 */
export async function runService(definition: ServiceDefinition): Promise<void> {
  try {
    const config = loadServiceConfig(definition.defaultPort);
    await runDependencyChecks(dependencyChecks(config));
    const app = await createServiceApp(definition, config, { standalone: true });
    await app.listen({ host: config.HOST, port: config.PORT });
  } catch (error) {
    if (error instanceof ConfigError || error instanceof StartupError) {
      process.stderr.write(`${definition.service}: cannot start: ${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}
