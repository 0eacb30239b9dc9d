/** Resolves in a later task, so the browser can handle input in between. */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => resolve();
    ch.port2.postMessage(null);
  });
}

/** Past this, a frame that has not come (a throttled or hidden page) is not waited for. */
const FRAME_WAIT_MS = 100;

/**
 * Resolves in a task after the browser's next rendering update, so the work
 * before it is styled, laid out and painted in a frame of its own, instead of
 * piling up with the work after it into one long frame. Where no frame comes
 * (a hidden page, a DOM without rendering) it is a later task.
 */
export function nextFrame(): Promise<void> {
  if (typeof requestAnimationFrame !== 'function' || (typeof document !== 'undefined' && document.hidden)) return nextTask();
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, FRAME_WAIT_MS);
    requestAnimationFrame(() => { void nextTask().then(() => { clearTimeout(timer); resolve(); }); });
  });
}
