/**
 * Ends a `switch` over a union so that adding a member without handling it fails to compile;
 * reaching it at run time (data from outside the type system) throws.
 */
export function assertNever(value: never, what = 'value'): never {
  throw new Error(`Unexpected ${what}: ${JSON.stringify(value)}`);
}
