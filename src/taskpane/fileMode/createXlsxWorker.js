// Plain JavaScript: `import.meta.url` is how webpack 5 finds a worker's entry and bundles it as a
// separate chunk graph, and the TypeScript settings for Node (module: commonjs) reject it.
export function createXlsxWorker() {
  return new Worker(new URL('./xlsxWorker.ts', import.meta.url), { name: 'tricolor-xlsx' });
}
