import { Controller, Get, Inject } from '@nestjs/common';
import { SERVICE_NAME } from '../service-config.token';

export interface HealthBody {
  readonly status: 'ok';
  readonly service: string;
  readonly uptimeSeconds: number;
}

@Controller('health')
export class HealthHttp {
  constructor(@Inject(SERVICE_NAME) private readonly service: string) {}

  @Get()
  health(): HealthBody {
    return { status: 'ok', service: this.service, uptimeSeconds: Math.round(process.uptime()) };
  }
}
