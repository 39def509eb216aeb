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
