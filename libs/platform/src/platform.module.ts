import { type DynamicModule, Module } from '@nestjs/common';
import type { ServiceConfig } from '@portal/config';
import { HealthHttp } from './health/health.http';
import { SERVICE_CONFIG, SERVICE_NAME } from './service-config.token';

/** What every service has: its validated configuration and a health endpoint. */
@Module({})
export class PlatformModule {
  static forRoot(service: string, config: ServiceConfig): DynamicModule {
    return {
      module: PlatformModule,
      global: true,
      controllers: [HealthHttp],
      providers: [
        { provide: SERVICE_NAME, useValue: service },
        { provide: SERVICE_CONFIG, useValue: config },
      ],
      exports: [SERVICE_NAME, SERVICE_CONFIG],
    };
  }
}
