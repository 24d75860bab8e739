import { Controller, Get, Inject } from '@nestjs/common';
import { Pipeline, type PipelineStatus } from '../pipeline/pipeline.module';
import { SERVICE_NAME } from '../service-config.token';

export interface HealthBody {
  readonly status: 'ok';
  readonly service: string;
  readonly uptimeSeconds: number;
  /** The relay's position and each projection's lag (events behind the head, seconds). */
  readonly pipeline: PipelineStatus;
}

@Controller('health')
export class HealthHttp {
  constructor(
    @Inject(SERVICE_NAME) private readonly service: string,
    private readonly pipeline: Pipeline,
  ) {}

  @Get()
  async health(): Promise<HealthBody> {
    const pipeline = await this.pipeline.status();
    return { status: 'ok', service: this.service, uptimeSeconds: Math.round(process.uptime()), pipeline };
  }
}
