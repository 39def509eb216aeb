/**
 * OFFICE_JS picks where taskpane.html loads office.js from; a value the build does not know must
 * stop it with a sentence rather than quietly build for Microsoft's global CDN.
 */

type Configure = (env: unknown, argv: { mode: string }) => Promise<unknown>;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const configure = require('../webpack.config.js') as Configure;

async function configureWith(env: Record<string, string>): Promise<unknown> {
  const saved = { ...process.env };
  Object.assign(process.env, { ADDIN_HOST: 'https://addin.example.gov.cn/' }, env);
  try {
    return await configure({}, { mode: 'production' });
  } finally {
    process.env = saved;
  }
}

describe('webpack.config.js', () => {
  it('builds for each of global, 21v and local', async () => {
    for (const choice of ['global', '21v', 'local']) {
      await expect(configureWith({ OFFICE_JS: choice })).resolves.toBeDefined();
    }
  });

  it('refuses an OFFICE_JS it does not know, naming the three it does', async () => {
    await expect(configureWith({ OFFICE_JS: 'china' })).rejects.toThrow(
      'OFFICE_JS must be global, 21v or local, not "china".',
    );
  });

  it('refuses the old OFFICE_JS_LOCAL and names its replacement', async () => {
    await expect(configureWith({ OFFICE_JS_LOCAL: '1' })).rejects.toThrow(
      'OFFICE_JS_LOCAL is gone: build with OFFICE_JS=local instead.',
    );
  });
});
