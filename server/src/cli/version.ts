// The version `archwright --version` prints and SARIF names: package.json's, written in by
// esbuild.mjs at build time (`define`), so the bundle needs no package.json beside it.
declare const ARCHWRIGHT_VERSION: string | undefined;

/** package.json's version, or `0.0.0-dev` when the code runs unbundled (tests that import it). */
export const VERSION: string = typeof ARCHWRIGHT_VERSION === 'string' ? ARCHWRIGHT_VERSION : '0.0.0-dev';
