/** Runs `task` when the browser is idle (after a timeout where requestIdleCallback is missing: Safari). */
export const whenIdle = (task: () => void): void => void (globalThis.requestIdleCallback ?? setTimeout)(() => task());
