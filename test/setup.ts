// Shared test setup: registers convmat's vitest matchers for this repo's own tests.
import '../src/testing/index.ts';
