import '@testing-library/jest-dom';
import { configure } from '@testing-library/react';

// Async queries get room for a loaded machine (tests run beside other suites).
configure({ asyncUtilTimeout: 10_000 });
jest.setTimeout(60_000);

// jsdom has no ResizeObserver; Fluent's MessageBar needs one to decide its layout.
class NoopResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
if (typeof window !== 'undefined' && !('ResizeObserver' in window)) {
  Object.defineProperty(window, 'ResizeObserver', { value: NoopResizeObserver, writable: true });
}

// jest-environment-jsdom 29 leaves out TextEncoder, which every browser has and the docx package
// uses to write a document; Node's is the same API.
if (typeof globalThis.TextEncoder === 'undefined') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { TextEncoder, TextDecoder } = require('util') as typeof import('util');
  Object.assign(globalThis, { TextEncoder, TextDecoder });
}
