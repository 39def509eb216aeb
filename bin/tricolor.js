#!/usr/bin/env node
'use strict';
// Launches the tricolor command: the compiled CLI when it was built (dist/cli/main.js), else the
// TypeScript source through ts-node, pointed at the repository's tsconfig so that it compiles the
// same way wherever the command is run from.
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
