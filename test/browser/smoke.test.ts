import { expect, it } from 'vitest';

it('runs in a real Chromium', () => {
  expect(navigator.userAgent).toMatch(/Chrome/);
  expect(typeof document.createElement('div').attachShadow).toBe('function');
});
