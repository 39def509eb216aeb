#!/usr/bin/env node
'use strict';
// Launches the tricolor command: the CLI that `npm ci` compiled to dist/cli/main.js (the prepare
// script, `npm run build:cli`), which starts in a fraction of a second. Only in a checkout where
// it was never compiled does it fall back to compiling the TypeScript source through ts-node (a
// development dependency, seconds per call), pointed at the repository's tsconfig so that it
// compiles the same way wherever the command is run from.
const fs = require('fs');
const path = require('path');

const root = path.join(__dirname, '..');
const compiled = path.join(root, 'dist', 'cli', 'main.js');
let cli;
if (fs.existsSync(compiled)) {
  cli = require(compiled);
} else {
  require('ts-node').register({ transpileOnly: true, project: path.join(root, 'tsconfig.json') });
  cli = require(path.join(root, 'src', 'cli', 'main.ts'));
}
cli.runFromProcess();
