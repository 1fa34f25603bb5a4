import '@testing-library/jest-dom';

// jsdom has no ResizeObserver; recharts' ResponsiveContainer needs one. This
// one reports nothing, so charts render at their fallback size.
class NoopResizeObserver {
  observe() {}
  unobserve() {}
  disconnect() {}
}
(globalThis as any).ResizeObserver ??= NoopResizeObserver;

// The dialog tests type whole forms with userEvent: on the 2-core CI machine,
// beside the backend suites, several take longer than jest's default 5 s.
// (testTimeout in package.json is a global option that `repo test` ignores.)
jest.setTimeout(30_000);
