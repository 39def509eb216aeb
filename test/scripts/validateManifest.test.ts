import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * `npm run validate` needs Microsoft's validation service; where it cannot be reached (any machine
 * without the internet) it must say so in one sentence and exit 1. The preload takes the network
 * away whatever machine runs the test: every https request fails as an unknown host does.
 */

const ROOT = join(__dirname, '..', '..');
const OFFLINE = `
const https = require('https');
https.request = () => {
  throw Object.assign(new Error('getaddrinfo ENOTFOUND validationgateway.omex.office.net'), {
    code: 'ENOTFOUND',
  });
};
`;

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'tricolor-validate-'));
  writeFileSync(join(dir, 'offline.js'), OFFLINE);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function validate(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  return spawnSync(
    process.execPath,
    ['-r', join(dir, 'offline.js'), join(ROOT, 'scripts', 'validateManifest.js'), ...args],
    { cwd: ROOT, encoding: 'utf8' },
  );
}

describe('npm run validate', () => {
  it('says in one sentence that the service cannot be reached, and exits 1, when offline', () => {
    const r = validate();
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      "Cannot validate manifest.xml: Microsoft's manifest validation service " +
        '(validationgateway.omex.office.net) cannot be reached from here, and the check needs it online.\n',
    );
  });

  it('names the file in one line, and exits 1, when the manifest cannot be read', () => {
    const r = validate('no-such-manifest.xml');
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^Cannot validate no-such-manifest\.xml: [^\n]+\n$/);
  });
});
