#!/usr/bin/env node
'use strict';
// `npm run validate [-- MANIFEST]`: has Microsoft's validation service check the manifest
// (manifest.xml by default; a built dist/manifest.xml after `ADDIN_HOST=… npm run build`), through
// office-addin-manifest, the package Office add-ins are validated with. The service is online
// only: without it this says so in one sentence and exits 1, rather than print a stack.
const path = require('path');

// No usage data leaves the machine: office-addin-manifest reports failures to Microsoft otherwise.
process.env.OFFICE_ADDIN_USAGE_DATA_LEVEL = 'off';
const { validateManifest } = require('office-addin-manifest');

const SERVICE = 'validationgateway.omex.office.net';

function firstLine(text) {
  return String(text).split('\n')[0].trim();
}

async function main() {
  const file = path.resolve(process.argv[2] || 'manifest.xml');
  const name = path.relative(process.cwd(), file) || file;
  let validation;
  try {
    validation = await validateManifest(file);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    if (message.startsWith('Unable to contact the manifest validation service')) {
      console.error(
        `Cannot validate ${name}: Microsoft's manifest validation service (${SERVICE}) ` +
          `cannot be reached from here, and the check needs it online.`,
      );
    } else {
      console.error(`Cannot validate ${name}: ${firstLine(message)}`);
    }
    return 1;
  }
  if (validation.status && validation.status !== 200) {
    console.error(
      `Cannot validate ${name}: Microsoft's manifest validation service answered HTTP ` +
        `${validation.status} ${validation.statusText || ''}`.trimEnd() +
        '.',
    );
    return 1;
  }
  const report = validation.report || {};
  for (const [kind, issues] of [
    ['error', report.errors],
    ['warning', report.warnings],
    ['note', report.notes],
  ]) {
    for (const issue of issues || []) {
      const where = issue.line ? ` (line ${issue.line})` : '';
      console.log(`${kind}: ${issue.title || ''}${where}: ${issue.content || ''}`);
    }
  }
  const products = (report.addInDetails && report.addInDetails.supportedProducts) || [];
  for (const p of products) console.log(`supported: ${p.title || ''} ${p.version || ''}`.trim());
  console.log(validation.isValid ? `${name} is valid.` : `${name} is not valid.`);
  return validation.isValid ? 0 : 1;
}

main().then((code) => {
  process.exitCode = code;
});
