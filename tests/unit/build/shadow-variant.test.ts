import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assertShadowMode, buildDir, HOST_BUNDLE, shadowModesIn } from '../../../scripts/lib/shadow-variant.js';

const DIST = process.env.NETGOV_DIST ?? join(__dirname, '..', '..', '..', 'dist');
const built = (['chrome', 'firefox'] as const).every((b) =>
  (['shipped', 'e2e'] as const).every((v) => existsSync(join(buildDir(DIST, b, v), HOST_BUNDLE))),
);

describe('shadowModesIn', () => {
  it('reads the mode of every attachShadow call, minified or not', () => {
    expect(shadowModesIn('a.attachShadow({mode:"closed"});b.attachShadow({ mode: \'open\' })')).toEqual([
      'closed',
      'open',
    ]);
    expect(shadowModesIn('host.attachShadow(init)')).toEqual([]);
  });
});

describe('assertShadowMode', () => {
  const withContent = (js: string, check: (dir: string) => void, loader = 'import(u)'): void => {
    const dir = mkdtempSync(join(tmpdir(), 'netgov-shadow-'));
    try {
      writeFileSync(join(dir, HOST_BUNDLE), js);
      writeFileSync(join(dir, 'content.js'), loader);
      check(dir);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };

  it('accepts a bundle that attaches closed roots only', () => {
    withContent('x.attachShadow({mode:"closed"});y.attachShadow({mode:"closed"})', (dir) =>
      expect(() => assertShadowMode(dir, 'closed')).not.toThrow(),
    );
  });

  it('refuses an open root, a mode it cannot read, no root at all and an unreplaced define', () => {
    for (const js of [
      'x.attachShadow({mode:"closed"});y.attachShadow({mode:"open"})',
      'x.attachShadow({mode:m})',
      'console.log(1)',
      'x.attachShadow({mode:__NGL_SHADOW_MODE__})',
    ])
      withContent(js, (dir) => expect(() => assertShadowMode(dir, 'closed'), js).toThrow(/expected shadow roots/));
  });

  it('refuses a loader that creates a shadow root itself (the check would not cover it)', () => {
    withContent(
      'x.attachShadow({mode:"closed"})',
      (dir) => expect(() => assertShadowMode(dir, 'closed')).toThrow(/loader must not create the host/),
      'x.attachShadow({mode:"open"})',
    );
  });
});

// The built bundles themselves (after `npm run build`; NETGOV_DIST as for the e2e tests): the folders the
// store zips are made of attach a closed root, the e2e variants beside them an open one. Without a build
// this is skipped, as the unit tests need none; with CI=true (after the build) it must run.
describe.skipIf(!built && process.env.CI !== 'true')(`the build in ${DIST}`, () => {
  it.each(['chrome', 'firefox'] as const)('%s: shipped closed, e2e variant open', (browser) => {
    expect(() => assertShadowMode(buildDir(DIST, browser, 'shipped'), 'closed')).not.toThrow();
    expect(() => assertShadowMode(buildDir(DIST, browser, 'e2e'), 'open')).not.toThrow();
  });

  it.each(['chrome', 'firefox'] as const)(
    '%s: the variant differs from the shipped build in its main script only',
    (b) => {
      const shipped = buildDir(DIST, b, 'shipped');
      const e2e = buildDir(DIST, b, 'e2e');
      expect(files(e2e)).toEqual(files(shipped));
      const differing = files(shipped).filter(
        (f) => !readFileSync(join(shipped, f)).equals(readFileSync(join(e2e, f))),
      );
      expect(differing).toEqual([HOST_BUNDLE]);
    },
  );
});

function files(dir: string, root = dir): string[] {
  return readdirSync(dir)
    .flatMap((name) => {
      const p = join(dir, name);
      return statSync(p).isDirectory() ? files(p, root) : [relative(root, p)];
    })
    .sort();
}
