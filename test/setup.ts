// Shared test setup: registers convmat's vitest matchers once they exist.
export {};
