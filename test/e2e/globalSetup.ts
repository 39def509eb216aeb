import { buildForTests } from './harness';

/** Builds the pages once for every browser test file (they read the folder from E2E_DIST). */
export default function globalSetup(): void {
  process.env.E2E_DIST = buildForTests();
}
