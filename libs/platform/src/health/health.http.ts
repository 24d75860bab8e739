import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Pipeline, type PipelineStatus } from '../pipeline/pipeline.module';
import { SERVICE_NAME } from '../service-config.token';

export interface HealthBody {
  readonly status: 'ok';
  readonly service: string;
  readonly uptimeSeconds: number;
  /** The relay's position and each projection's lag (events behind the head, seconds). */
  readonly pipeline: PipelineStatus;
}

@ApiTags('health')
@Controller('health')
export class HealthHttp {
  constructor(
    @Inject(SERVICE_NAME) private readonly service: string,
    private readonly pipeline: Pipeline,
  ) {}

  @Get()
  @ApiOperation({ summary: "Liveness, the relay position and each projection's lag" })
  @ApiOkResponse({ description: 'The service is up' })
  async health(): Promise<HealthBody> {
    const pipeline = await this.pipeline.status();
    return { status: 'ok', service: this.service, uptimeSeconds: Math.round(process.uptime()), pipeline };
  }
}
