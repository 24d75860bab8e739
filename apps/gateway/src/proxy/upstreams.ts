import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import type { ServiceConfig } from '@portal/config';
import type { KeyEnvironment } from '@portal/keys-domain';
import { SERVICE_CONFIG } from '@portal/platform';
import { Pool } from 'undici';
import { type DemoUpstream, startDemoUpstream } from '../demo-upstream/demo-upstream';
import { GATEWAY_TUNING, type GatewayTuning } from '../gateway-tuning';
import { basePathOf } from './upstream-request';

/** One upstream API: its keep-alive connection pool and the path its URL adds before each call's. */
export interface Upstream {
  readonly url: URL;
  readonly basePath: string;
  readonly pool: Pool;
}

/**
 * The two upstream APIs, one per key environment: Production keys reach UPSTREAM_URL (live),
 * Development keys UPSTREAM_SANDBOX_URL (sandbox). Where one is unset, the built-in demo
 * upstream stands in for it, started and closed with the application.
 */
@Injectable()
export class Upstreams implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('Upstreams');
  private demo: DemoUpstream | null = null;
  private upstreams: Readonly<Record<KeyEnvironment, Upstream>> | null = null;

  constructor(
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
    @Inject(GATEWAY_TUNING) private readonly tuning: GatewayTuning,
  ) {}

  async onModuleInit(): Promise<void> {
    const { UPSTREAM_URL, UPSTREAM_SANDBOX_URL } = this.config;
    if (UPSTREAM_URL === undefined || UPSTREAM_SANDBOX_URL === undefined) {
      this.demo = await startDemoUpstream();
      this.logger.log(`Built-in demo upstream: live at ${this.demo.live.host}, sandbox at ${this.demo.sandbox.host}`);
    }
    this.upstreams = {
      production: this.open(UPSTREAM_URL ?? this.demo!.live),
      development: this.open(UPSTREAM_SANDBOX_URL ?? this.demo!.sandbox),
    };
  }

  async onApplicationShutdown(): Promise<void> {
    const pools = this.upstreams === null ? [] : Object.values(this.upstreams).map(({ pool }) => pool.close());
    this.upstreams = null;
    await Promise.allSettled(pools);
    await this.demo?.close();
    this.demo = null;
  }

  /** The upstream a key of `environment` reaches; never the other one. */
  of(environment: KeyEnvironment): Upstream {
    if (this.upstreams === null) throw new Error('The upstreams are not open');
    return this.upstreams[environment];
  }

  private open(url: URL): Upstream {
    const pool = new Pool(url.origin, {
      connections: this.tuning.upstreamConnections,
      headersTimeout: this.tuning.upstreamTimeoutMs,
      bodyTimeout: this.tuning.upstreamTimeoutMs,
    });
    return { url, basePath: basePathOf(url), pool };
  }
}
