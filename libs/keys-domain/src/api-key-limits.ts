import { parseCidr } from './cidr';

/*
 * The usage limits an Owner or Admin may set on a key, each optional: a request rate with a
 * burst, a daily or monthly quota, and an allowlist of source addresses. An absent field means
 * no such limit.
 */

export interface RateLimit {
  /** Sustained requests per second, at least 1. */
  readonly perSecond: number;
  /** Requests that may arrive at once after a quiet spell, at least 1. */
  readonly burst: number;
}

export const QUOTA_PERIODS = ['day', 'month'] as const;
export type QuotaPeriod = (typeof QUOTA_PERIODS)[number];

export interface Quota {
  readonly period: QuotaPeriod;
  /** Requests allowed per UTC calendar day or month, at least 1. */
  readonly requests: number;
}

export interface ApiKeyLimits {
  readonly rate?: RateLimit;
  readonly quota?: Quota;
  /** IP addresses and CIDR blocks, IPv4 or IPv6; absent or empty: any source. */
  readonly allowlist?: readonly string[];
}

export const MAX_ALLOWLIST_ENTRIES = 100;

/** A problem with limits, for the KEY.INVALID_LIMITS error: which field, and why. */
export interface LimitsProblem {
  readonly field: string;
  readonly problem: string;
}

const isCount = (value: number): boolean => Number.isSafeInteger(value) && value >= 1;

function rateProblem(rate: RateLimit): LimitsProblem | null {
  if (!isCount(rate.perSecond)) return { field: 'rate.perSecond', problem: 'must be a whole number, at least 1' };
  if (!isCount(rate.burst)) return { field: 'rate.burst', problem: 'must be a whole number, at least 1' };
  return null;
}

function quotaProblem(quota: Quota): LimitsProblem | null {
  if (!QUOTA_PERIODS.includes(quota.period)) return { field: 'quota.period', problem: 'must be day or month' };
  if (!isCount(quota.requests)) return { field: 'quota.requests', problem: 'must be a whole number, at least 1' };
  return null;
}

function allowlistProblem(allowlist: readonly string[]): LimitsProblem | null {
  if (allowlist.length > MAX_ALLOWLIST_ENTRIES) {
    return { field: 'allowlist', problem: `holds at most ${MAX_ALLOWLIST_ENTRIES} entries` };
  }
  const index = allowlist.findIndex((entry) => parseCidr(entry) === null);
  if (index >= 0) {
    return { field: `allowlist[${index}]`, problem: 'must be an IPv4 or IPv6 address or CIDR block (network address)' };
  }
  if (new Set(allowlist).size !== allowlist.length) return { field: 'allowlist', problem: 'has duplicate entries' };
  return null;
}

/** The first problem with `limits`, or null when they are valid. */
export function limitsProblem(limits: ApiKeyLimits): LimitsProblem | null {
  return (
    (limits.rate ? rateProblem(limits.rate) : null) ??
    (limits.quota ? quotaProblem(limits.quota) : null) ??
    (limits.allowlist ? allowlistProblem(limits.allowlist) : null)
  );
}
