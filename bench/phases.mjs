// Bundles bench/phases.ts and runs it with the given arguments (see that file). With a full GC
// between edits: node --expose-gc bench/phases.mjs ... passes --expose-gc on.
import { bundleAndRun } from './bundle-run.mjs';

await bundleAndRun('phases');
