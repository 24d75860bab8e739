import { execFileSync } from 'node:child_process';
import path from 'node:path';

interface Violation {
  readonly from: string;
  readonly to: string;
  readonly rule: { readonly name: string };
}

const root = path.resolve(__dirname, '..', '..');
const fixtures = path.join(__dirname, 'fixtures');

/** Runs dependency-cruiser with the project's rules in `cwd` and returns its violations. */
function cruise(cwd: string, targets: string[]): Violation[] {
  const output = execFileSync(
    process.execPath,
    [
      path.join(root, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs'),
      ...targets,
      '--config',
      path.join(root, '.dependency-cruiser.cjs'),
      '--output-type',
      'json',
      '--no-progress',
    ],
    { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  return (JSON.parse(output) as { summary: { violations: Violation[] } }).summary.violations;
}

const ruleAt = (violations: Violation[], from: string) =>
  violations.filter((v) => v.from === from).map((v) => `${v.rule.name} -> ${v.to}`);

describe('architecture rules', () => {
  it('hold for the project: apps, libs and tools', () => {
    expect(cruise(root, ['apps', 'libs', 'tools'])).toEqual([]);
  });

  describe('on a deliberately bad fixture', () => {
    const violations = cruise(fixtures, ['apps', 'libs']);

    it('fail when a domain file imports @nestjs/common, node:fs or a non-domain lib', () => {
      expect(ruleAt(violations, 'libs/bad-domain/src/bad.decider.ts').sort()).toEqual(
        [
          'domain-imports-only-domain -> libs/shared/src/helper.ts',
          'domain-is-pure -> ../../../node_modules/@nestjs/common/index.js',
          'domain-is-pure -> fs',
        ].sort(),
      );
    });

    it('fail when an app imports another app, and when a lib imports an app', () => {
      expect(ruleAt(violations, 'apps/beta/src/beta.ts')).toEqual([
        'apps-do-not-import-each-other -> apps/alpha/src/alpha.ts',
      ]);
      expect(ruleAt(violations, 'libs/shared/src/helper.ts')).toEqual([
        'libs-do-not-import-apps -> apps/alpha/src/alpha.ts',
      ]);
    });

    it('let pure domain code and the composition root through', () => {
      expect(ruleAt(violations, 'libs/good-domain/src/good.decider.ts')).toEqual([]);
      expect(ruleAt(violations, 'apps/portal/src/main.ts')).toEqual([]);
    });
  });
});
