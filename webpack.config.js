/* eslint-disable */
// Builds the task pane (taskpane.html for Excel, index.html for browsers, and their chunks) into
// dist/, and serves it on https://localhost:3000.
//
//   npm run build                       production build; office.js from Microsoft's CDN
//   OFFICE_JS=21v npm run build         office.js from the CDN of Microsoft 365 operated by 21Vianet
//   OFFICE_JS=local npm run build       office.js copied to dist/office-js (intranets without the CDN)
//   ADDIN_HOST=https://addin.example.gov.cn/tricolor/ npm run build
//                                       dist/manifest.xml points at that host instead of localhost:3000
//   npx webpack serve --mode development   (npm start does this and more: scripts/start.js)
const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');

const DEV_HOST = 'https://localhost:3000/';
const PORT = Number(process.env.PORT || 3000);

function addinHost() {
  const host = process.env.ADDIN_HOST;
  if (!host) return null;
  return host.endsWith('/') ? host : `${host}/`;
}

/**
 * Where taskpane.html loads office.js from (OFFICE_JS): the script's URL and the one origin besides
 * the page's own that the page may then reach (null when it is served with the pane). Office wants
 * office.js from a CDN; tenants of Microsoft 365 operated by 21Vianet cannot reach the global one,
 * and intranets without internet reach neither.
 */
const OFFICE_JS_PLACES = {
  global: {
    src: 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js',
    origin: 'https://appsforoffice.microsoft.com',
  },
  '21v': {
    src: 'https://appsforoffice.cdn.partner.office365.cn/appsforoffice/lib/1/hosted/office.js',
    origin: 'https://appsforoffice.cdn.partner.office365.cn',
  },
  local: { src: 'office-js/office.js', origin: null },
};

function officeJsPlace() {
  if (process.env.OFFICE_JS_LOCAL) {
    throw new Error('OFFICE_JS_LOCAL is gone: build with OFFICE_JS=local instead.');
  }
  const choice = process.env.OFFICE_JS || 'global';
  if (!Object.prototype.hasOwnProperty.call(OFFICE_JS_PLACES, choice)) {
    throw new Error(`OFFICE_JS must be global, 21v or local, not "${choice}".`);
  }
  return { choice, ...OFFICE_JS_PLACES[choice] };
}

/**
 * A page's Content-Security-Policy (test/e2e holds it to exactly this): everything from this site
 * only, plus the origin office.js comes from, for scripts and their requests, when the page loads
 * it from a CDN (cdnOrigin null: none). Images, fonts, frames and workers fall back to default-src
 * 'self': the pane draws no data: or blob: images and uses the system's fonts, and office.js's
 * telemetry frame outside Office stays blocked.
 */
function contentSecurityPolicy(dev, cdnOrigin) {
  const cdn = cdnOrigin ? [cdnOrigin] : [];
  const connect = ["'self'", ...cdn];
  // The dev server's live reload talks over a websocket.
  if (dev) connect.push(`ws://localhost:${PORT}`, `wss://localhost:${PORT}`);
  return [
    "default-src 'self'",
    ["script-src 'self'", ...cdn].join(' '),
    // Griffel (Fluent's CSS-in-JS) writes style rules at run time; the page has style attributes.
    "style-src 'self' 'unsafe-inline'",
    `connect-src ${connect.join(' ')}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
  ].join('; ');
}

/** Dev server over https with the Office dev certificates; plain http when they are not available. */
async function devServerTransport() {
  if (process.env.DEV_SERVER_HTTP === '1') return { type: 'http' };
  try {
    const devCerts = require('office-addin-dev-certs');
    // Installing the CA runs `sudo` on Linux, which would stop to ask for a password: there, only
    // certificates already installed (`npx office-addin-dev-certs install`) are used.
    if (process.platform === 'linux') {
      const fs = require('fs');
      const defaults = require('office-addin-dev-certs/lib/defaults');
      const files = [
        defaults.caCertificatePath,
        defaults.localhostCertificatePath,
        defaults.localhostKeyPath,
      ];
      if (!files.every((f) => fs.existsSync(f))) throw new Error('no dev certificates installed');
      return {
        type: 'https',
        options: {
          ca: fs.readFileSync(files[0]),
          cert: fs.readFileSync(files[1]),
          key: fs.readFileSync(files[2]),
        },
      };
    }
    return { type: 'https', options: await devCerts.getHttpsServerOptions() };
  } catch (err) {
    console.warn(`[tricolor] https certificates unavailable (${err.message}); serving over http.`);
    return { type: 'http' };
  }
}

module.exports = async (env, argv) => {
  const dev = argv.mode !== 'production';
  const officeJs = officeJsPlace();
  const localOfficeJs = officeJs.choice === 'local';
  const host = addinHost();
  if (!dev && !host) {
    console.warn(`[tricolor] ADDIN_HOST is not set: dist/manifest.xml keeps ${DEV_HOST}`);
  }

  const config = {
    mode: dev ? 'development' : 'production',
    entry: { taskpane: './src/taskpane/index.tsx' },
    output: {
      path: path.resolve(__dirname, 'dist'),
      filename: dev ? '[name].js' : '[name].[contenthash:8].js',
      chunkFilename: dev ? '[name].js' : '[name].[contenthash:8].js',
      // Chunks load relative to the script that asks for them, so dist/ can live under any path.
      publicPath: 'auto',
      // Emptied before each build, except what `npm run build:cli` compiles into dist/ beside the
      // pages (dist/cli/main.js and the src/ folders it imports): the pane's files are flat, plus
      // assets/ and office-js/.
      clean: {
        keep: (file) => /[\\/]/.test(file) && !/^(assets|office-js)[\\/]/.test(file),
      },
    },
    // Eval-based source maps would need 'unsafe-eval' in the CSP.
    devtool: dev ? 'cheap-module-source-map' : 'source-map',
    resolve: { extensions: ['.tsx', '.ts', '.js', '.mjs'] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            options: {
              transpileOnly: true,
              onlyCompileBundledFiles: true,
              // ES modules, so webpack can split at import() and shake unused Fluent components.
              compilerOptions: { module: 'es2020', target: 'es2020', sourceMap: true },
            },
          },
        },
        // Fluent's ES modules import without file extensions.
        { test: /\.m?js$/, resolve: { fullySpecified: false } },
      ],
    },
    plugins: [
      // taskpane.html is the add-in (the manifest points at it): office.js in the head, as Office
      // requires. index.html is the same app as a web page for offices without the add-in: no
      // office.js, which outside Office would only try to frame Microsoft's telemetry page.
      new HtmlWebpackPlugin({
        template: './src/taskpane/taskpane.html',
        filename: 'taskpane.html',
        chunks: ['taskpane'],
        scriptLoading: 'defer',
        templateParameters: {
          csp: contentSecurityPolicy(dev, officeJs.origin),
          officeJs: officeJs.src,
        },
      }),
      new HtmlWebpackPlugin({
        template: './src/taskpane/taskpane.html',
        filename: 'index.html',
        chunks: ['taskpane'],
        scriptLoading: 'defer',
        templateParameters: { csp: contentSecurityPolicy(dev, null), officeJs: null },
      }),
      new CopyWebpackPlugin({
        patterns: [
          {
            from: 'assets',
            to: 'assets',
            noErrorOnMissing: true,
            globOptions: { ignore: ['**/.*'] },
          },
          // The pane's built-in sample is the repository's sample workbook (samples/README.md).
          { from: 'samples/projects.xlsx', to: 'assets/sample.xlsx' },
          {
            from: 'manifest.xml',
            to: 'manifest.xml',
            noErrorOnMissing: true,
            transform: (content) =>
              dev || !host ? content : content.toString().split(DEV_HOST).join(host),
          },
          ...(localOfficeJs
            ? [
                {
                  from: 'node_modules/@microsoft/office-js/dist',
                  to: 'office-js',
                  // The debug builds and type files are half the package and never loaded.
                  globOptions: { ignore: ['**/*.debug.js', '**/*.d.ts', '**/*-vsdoc.js'] },
                  // Microsoft's files as published: Terser must not minify them again.
                  info: { minimized: true },
                },
              ]
            : []),
        ],
      }),
    ],
    optimization: {
      splitChunks: {
        chunks: 'all',
        cacheGroups: {
          // The package adapter's zip and XML libraries load only in file mode, in the worker.
          xlsx: {
            test: /[\\/]node_modules[\\/](jszip|fflate|saxes|xmlchars)[\\/]/,
            name: 'xlsx-vendor',
            chunks: 'async',
            priority: 20,
          },
          // ExcelJS only for the page's 自检, which edits its scratch workbook with an independent writer.
          exceljs: {
            test: /[\\/]node_modules[\\/]exceljs[\\/]/,
            name: 'exceljs-vendor',
            chunks: 'async',
            priority: 20,
          },
        },
      },
    },
    performance: {
      // Budgets are gzip sizes, checked by test/e2e; webpack's hints count raw bytes.
      hints: false,
    },
    devServer: {
      port: PORT,
      host: 'localhost',
      server: dev ? await devServerTransport() : { type: 'http' },
      headers: { 'Access-Control-Allow-Origin': '*' },
      static: false,
      hot: false,
      liveReload: true,
      client: { overlay: { warnings: false, errors: true } },
      open: false,
    },
  };
  return config;
};
