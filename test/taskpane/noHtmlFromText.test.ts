import { execFile } from 'child_process';
import { readdirSync, readFileSync } from 'fs';
import * as path from 'path';
import * as ts from 'typescript';

/**
 * The task pane shows cell text (project names, units, problems) that anyone who edits the
 * workbook controls. It must only ever reach the page as text, through React, which escapes it:
 * no code in src/ may hand a string to the DOM as HTML. This scans every TypeScript file in src/
 * (the syntax tree, so comments and strings that merely mention a name do not count) for the
 * HTML sinks, and checks that ESLint refuses the JSX one.
 */

const SRC = path.resolve(process.cwd(), 'src');

/** Properties and methods that parse a string as HTML. */
const HTML_SINKS = new Set([
  'dangerouslySetInnerHTML',
  'innerHTML',
  'outerHTML',
  'insertAdjacentHTML',
  'createContextualFragment',
  'srcdoc',
]);
/** document.write and document.writeln. */
const DOCUMENT_WRITERS = new Set(['write', 'writeln']);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return /\.(ts|tsx|js|jsx|mjs|cjs)$/.test(e.name) ? [p] : [];
  });
}

/** Every use of an HTML sink in the code: `file:line: text`. */
function htmlSinks(file: string, text: string): string[] {
  const kind = file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, kind);
  const found: string[] = [];
  const report = (node: ts.Node): void => {
    const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
    found.push(`${path.relative(process.cwd(), file)}:${line + 1}: ${node.getText(source)}`);
  };
  const visit = (node: ts.Node): void => {
    if (ts.isPropertyAccessExpression(node)) {
      const name = node.name.text;
      if (HTML_SINKS.has(name)) report(node);
      const target = node.expression;
      const onDocument =
        (ts.isIdentifier(target) && target.text === 'document') ||
        (ts.isPropertyAccessExpression(target) && target.name.text === 'document');
      if (onDocument && DOCUMENT_WRITERS.has(name)) report(node);
    } else if (ts.isElementAccessExpression(node)) {
      const arg = node.argumentExpression;
      if (ts.isStringLiteralLike(arg) && HTML_SINKS.has(arg.text)) report(node);
    } else if (ts.isJsxAttribute(node)) {
      if (HTML_SINKS.has(node.name.getText(source))) report(node);
    } else if (ts.isPropertyAssignment(node) || ts.isShorthandPropertyAssignment(node)) {
      // { dangerouslySetInnerHTML: … } spread into an element, or { innerHTML } passed along.
      if (HTML_SINKS.has(node.name.getText(source))) report(node);
    } else if (ts.isCallExpression(node)) {
      // setAttribute('srcdoc', …) and the like.
      const [first] = node.arguments;
      if (
        ts.isPropertyAccessExpression(node.expression) &&
        node.expression.name.text === 'setAttribute' &&
        first !== undefined &&
        ts.isStringLiteralLike(first) &&
        HTML_SINKS.has(first.text)
      ) {
        report(node);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('cell text never reaches the task pane as HTML', () => {
  it('has no innerHTML, outerHTML, insertAdjacentHTML, dangerouslySetInnerHTML or document.write anywhere in src/', () => {
    const files = sourceFiles(SRC);
    expect(files.some((f) => f.endsWith('App.tsx'))).toBe(true);
    expect(files.flatMap((f) => htmlSinks(f, readFileSync(f, 'utf8')))).toEqual([]);
  });

  it('finds each HTML sink in code, and none in comments or plain strings', () => {
    const code = [
      '// innerHTML is never used; document.write neither',
      "const note = 'innerHTML';",
      'el.innerHTML = name;',
      'el.outerHTML = name;',
      "el.insertAdjacentHTML('beforeend', name);",
      "el['innerHTML'] = name;",
      'document.write(name);',
      'window.document.writeln(name);',
      'range.createContextualFragment(name);',
      "frame.setAttribute('srcdoc', name);",
      'const a = <div dangerouslySetInnerHTML={{ __html: name }} />;',
      'const b = <div {...{ dangerouslySetInnerHTML: { __html: name } }} />;',
      'file.write(name);',
    ].join('\n');
    const found = htmlSinks('probe.tsx', code).map((f) => Number(/:(\d+):/.exec(f)?.[1]));
    expect([...new Set(found)]).toEqual([3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
  });

  it('is refused by ESLint when a component sets dangerouslySetInnerHTML', async () => {
    const eslint = path.resolve(process.cwd(), 'node_modules/eslint/bin/eslint.js');
    const probe = [
      'export function Cell({ text }: { text: string }) {',
      '  return <span dangerouslySetInnerHTML={{ __html: text }} />;',
      '}',
      '',
    ].join('\n');
    const result = await new Promise<{ code: number; stdout: string }>((resolve) => {
      const child = execFile(
        process.execPath,
        [
          eslint,
          '--stdin',
          '--stdin-filename',
          // An existing file of the pane's, linted with the probe as its text: the type-aware
          // rules only parse files the TypeScript project holds, and a made-up path is not one.
          'src/taskpane/components/NoticeBar/NoticeBar.tsx',
          '--format',
          'json',
        ],
        { cwd: process.cwd() },
        (error, stdout) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout }),
      );
      child.stdin?.end(probe);
    });
    expect(result.code).toBe(1);
    const [report] = JSON.parse(result.stdout) as {
      messages: { ruleId: string; line: number }[];
    }[];
    expect(report?.messages).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ ruleId: 'no-restricted-syntax', line: 2 }),
      ]),
    );
  }, 60_000);
});
