#!/usr/bin/env node
/* eslint-disable */
// `npm start`: builds the pane and serves it on https://localhost:3000 (webpack-dev-server), then
//   - on Windows and macOS, when office-addin-debugging is installed, sideloads manifest.xml into
//     desktop Excel;
//   - elsewhere (Linux, CI), prints the page to open in a browser and where the manifest is.
// It never waits for input: stdin is not passed to any child, and nothing here asks a question.
//
// Usage data: office-addin-usage-data 3.x (what package.json installs) no longer collects or
// asks anything. With an older copy (1.x/2.x asked once on a terminal), this script switches it
// off first with that package's own `off` command, which writes ~/office-addin-usage-data.json.
// OFFICE_ADDIN_USAGE_DATA_LEVEL=off is also passed to the children, as .ci/run does.
//
// Options: --no-sideload  serve only;   PORT=3000;   DEV_SERVER_HTTP=1  serve over http.
const { spawn, spawnSync } = require('child_process');
const fs = require('fs');
const http = require('http');
const https = require('https');
const path = require('path');

const ROOT = path.resolve(__dirname, '..');
const PORT = Number(process.env.PORT || 3000);
const MANIFEST = path.join(ROOT, 'manifest.xml');
const args = new Set(process.argv.slice(2));
const env = { ...process.env, OFFICE_ADDIN_USAGE_DATA_LEVEL: 'off', PORT: String(PORT) };

function log(message) {
  console.log(`[tricolor] ${message}`);
}

function resolveOptional(request) {
  try {
    return require.resolve(request, { paths: [ROOT] });
  } catch {
    return null;
  }
}

function packageVersion(name) {
  const file = resolveOptional(`${name}/package.json`);
  return file ? JSON.parse(fs.readFileSync(file, 'utf8')).version : null;
}

/** Old office-addin-usage-data versions prompt on first use: answer "off" up front. */
function usageDataOff() {
  const version = packageVersion('office-addin-usage-data');
  if (!version || Number(version.split('.')[0]) >= 3) return;
  const cli = resolveOptional('office-addin-usage-data/lib/cli.js');
  if (!cli) return;
  const r = spawnSync(process.execPath, [cli, 'off'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'ignore', 'inherit'],
    timeout: 20_000,
  });
  log(
    r.status === 0
      ? 'office-addin-usage-data: off'
      : 'could not switch office-addin-usage-data off',
  );
}

function get(url) {
  const client = url.startsWith('https:') ? https : http;
  return new Promise((resolve) => {
    const req = client.get(url, { rejectUnauthorized: false, timeout: 2000 }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on('error', () => resolve(false));
    req.on('timeout', () => {
      req.destroy();
      resolve(false);
    });
  });
}

/** Waits until the dev server answers, and tells whether it speaks https or http. */
async function waitForServer(child, timeoutMs) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child.exitCode !== null) return null;
    for (const scheme of ['https', 'http']) {
      const base = `${scheme}://localhost:${PORT}/`;
      if (await get(`${base}taskpane.html`)) return base;
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
  return null;
}

function sideload(base) {
  const desktop = process.platform === 'win32' || process.platform === 'darwin';
  if (args.has('--no-sideload') || process.env.CI) return false;
  if (!desktop) return false;
  const cli =
    resolveOptional('office-addin-debugging/cli.js') ||
    resolveOptional('office-addin-debugging/lib/cli.js');
  if (!cli) {
    log('office-addin-debugging is not installed: sideload manifest.xml by hand (below).');
    return false;
  }
  if (!base.startsWith('https:')) {
    log(
      'Excel needs https to load the pane; run `npx office-addin-dev-certs install` and start again.',
    );
    return false;
  }
  log('sideloading manifest.xml into desktop Excel…');
  const child = spawn(
    process.execPath,
    [cli, 'start', MANIFEST, 'desktop', '--app', 'excel', '--dev-server-port', String(PORT)],
    { cwd: ROOT, env, stdio: ['ignore', 'inherit', 'inherit'] },
  );
  child.on('exit', (code) => {
    if (code !== 0)
      log(`office-addin-debugging exited with ${code}; sideload manifest.xml by hand.`);
  });
  return true;
}

async function main() {
  usageDataOff();
  const webpackCli = require.resolve('webpack-cli/bin/cli.js', { paths: [ROOT] });
  const server = spawn(process.execPath, [webpackCli, 'serve', '--mode', 'development'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const stop = (signal) => {
    if (server.exitCode === null) server.kill(signal);
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
  server.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));

  const base = await waitForServer(server, 180_000);
  if (base === null) {
    log(`the dev server did not come up on port ${PORT}.`);
    stop('SIGTERM');
    return;
  }
  const loaded = sideload(base);
  log(`task pane (inside Excel):     ${base}taskpane.html`);
  log(`web page (file mode):         ${base}index.html`);
  log(`manifest:                     ${MANIFEST}`);
  if (!loaded) {
    log('to use it in Excel: Insert > Add-ins > Upload My Add-in (Excel on the web), or');
    log('share a folder holding manifest.xml as a trusted add-in catalog (Excel on Windows).');
  }
  log('press Ctrl+C to stop.');
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
