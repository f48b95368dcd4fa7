#!/usr/bin/env node
// The `archwright` command: the bundled command line built by esbuild.mjs.
require('../out/cli/main.js');
