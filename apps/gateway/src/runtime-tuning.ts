import { setFlagsFromString } from 'node:v8';

/**
 * The V8 setting the gateway's own process runs with (the one-process portal keeps V8's
 * defaults: it serves the dashboard and the projections too).
 *
 * Allocation-site pretenuring is off. V8 watches how many of the objects made at each place in
 * the code outlive a young-generation collection, and once most do, allocates that place's
 * objects straight in the old generation. Under a burst of partner calls the objects of the
 * calls in flight outlive collections, so a per-call place was switched to the old generation
 * (V8's pretenuring trace showed one, thousands of objects a collection) and stayed there after
 * the burst. Every call then left garbage in the old generation, and whatever young object such
 * garbage pointed to was kept by each young collection as if alive: at 1,000 calls a second,
 * 0.7–4.6 MB survived each young collection (2.5–7 ms pauses) and a full collection ran every
 * ~13 s. Without pretenuring, 0.08–0.46 MB survived (1.1–2.4 ms pauses) and full collections
 * became rare. A gateway's per-call objects are short-lived by nature; its long-lived state
 * (key cache, limits) is made once and promoted once.
 *
 * V8 reads this setting at each collection, so setting it as the process starts takes effect
 * (`NODE_OPTIONS` cannot carry it).
 */
export function tuneRuntimeForPartnerCalls(): void {
  setFlagsFromString('--no-allocation-site-pretenuring');
}
