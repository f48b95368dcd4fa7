#!/usr/bin/env node
// The `archwright` command: the bundled command line built by esbuild.mjs. Node's compile cache
// (Node 22.1+) keeps the bundle's compiled code between runs: a faster start for every command.
require('node:module').enableCompileCache?.();
require('../out/cli/main.js');
