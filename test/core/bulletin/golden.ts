import * as fs from 'fs';
import * as path from 'path';

const dir = path.join(__dirname, '../../fixtures/bulletin');

const PRINT_WIDTH = 100;

/** Width as Prettier counts it: East Asian wide and full-width characters take two columns. */
function width(text: string): number {
  let w = 0;
  for (const ch of text)
    w +=
      /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(
        ch,
      )
        ? 2
        : 1;
  return w;
}

function inline(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(inline).join(', ')}]`;
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 0) return '{}';
  return `{ ${entries.map(([k, v]) => `${JSON.stringify(k)}: ${inline(v)}`).join(', ')} }`;
}

/**
 * JSON as Prettier prints it (width 100), every value that fits on one line kept on one line, so
 * a golden of cells reads as a table and `prettier --check` leaves it alone.
 */
function prettyJson(value: unknown, indent: string, used: number): string {
  const flat = inline(value);
  if (value === null || typeof value !== 'object' || width(flat) + used <= PRINT_WIDTH) return flat;
  const inner = `${indent}  `;
  const last = (i: number, n: number) => (i === n - 1 ? 0 : 1);
  if (Array.isArray(value)) {
    const items = value.map(
      (v, i) => inner + prettyJson(v, inner, inner.length + last(i, value.length)),
    );
    return `[\n${items.join(',\n')}\n${indent}]`;
  }
  const entries = Object.entries(value as Record<string, unknown>);
  const lines = entries.map(([k, v], i) => {
    const prefix = `${inner}${JSON.stringify(k)}: `;
    return prefix + prettyJson(v, inner, width(prefix) + last(i, entries.length));
  });
  return `{\n${lines.join(',\n')}\n${indent}}`;
}

/**
 * Compares a value with its golden file in test/fixtures/bulletin. With UPDATE_GOLDEN=1 the file is
 * written first (read it before committing: a golden is only as right as the person who checked it).
 */
export function expectGolden(name: string, actual: unknown): void {
  const file = path.join(dir, `${name}.json`);
  // The JSON round trip is what the golden holds: absent optional fields and exact numbers survive it.
  const plain: unknown = JSON.parse(JSON.stringify(actual));
  if (process.env.UPDATE_GOLDEN === '1') {
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(file, `${prettyJson(plain, '', 0)}\n`);
  }
  if (!fs.existsSync(file)) {
    throw new Error(`no golden file ${file}: run with UPDATE_GOLDEN=1, then read and commit it`);
  }
  expect(plain).toEqual(JSON.parse(fs.readFileSync(file, 'utf8')));
}
