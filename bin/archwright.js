#!/usr/bin/env node
// The `archwright` command: the bundled command line built by esbuild.mjs. Node's compile cache
// (Node 22.1+) keeps the bundle's compiled code between runs, and commands that load a model start
// from a snapshot of the bundle with its parser built, once there is one (server/src/cli/launcher.ts):
// both make every command start faster.
require('node:module').enableCompileCache?.();
const bundle = require.resolve('../out/cli/main.js');
if (!require('../out/cli/launcher.js').startFromSnapshot(bundle, process.argv.slice(2))) require(bundle);
