export { createServiceApp, type FeatureModule, type ServiceDefinition } from './create-service-app';
export { PlatformModule } from './platform.module';
export { runService } from './run-service';
export { SERVICE_CONFIG, SERVICE_NAME } from './service-config.token';
export { dependencyChecks, runDependencyChecks, type DependencyCheck } from './startup/dependency-checks';
export { StartupError } from './startup/startup-error';
export { repoRoot } from './repo-root';
export { InfrastructureModule } from './infrastructure/infrastructure.module';
export { Pipeline, PipelineModule, type PipelineOptions, type PipelineStatus } from './pipeline/pipeline.module';
