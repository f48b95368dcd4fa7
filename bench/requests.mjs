// Bundles bench/requests.ts and runs it with the given arguments (see that file).
import { bundleAndRun } from './bundle-run.mjs';

await bundleAndRun('requests');
