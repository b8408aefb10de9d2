// The benchmark's probe: inlined (a classic script) at the top of every host page by servers.mjs, so it runs before
// anything else on the page and the same way for the floor and for the product. It records, in window.__bench:
//   usable      ms since navigation start (performance.now()) right after the first frame that painted a USABLE
//               category list (definition below); then calls window.__benchUsable(usable) if the harness exposed it
//   cls, shifts the host page's layout shifts (PerformanceObserver 'layout-shift'; none with recent input)
//   longTasks   every long task (> 50 ms) of the page, { start, duration }
//
// USABLE, for <citizen-portal> (data-variant="product"): in the element's shadow roots there is an
// input[role=combobox] labelled "Category" that is not disabled, read-only, aria-disabled, inert or inside
// aria-busy, AND pressing ArrowDown in it opens its listbox (aria-controls) with at least one [role=option] —
// the resident can type, and can open a list that holds the services. The ArrowDown (and the Escape that closes
// the list again) is dispatched only after the frame that showed the input was painted and its time taken.
// For <floor-services> (data-variant="floor"): its <select> labelled "Category" is enabled and has options.
// Checking once per animation frame costs a few querySelector calls; the time is that of the frame's end (its
// style, layout and paint included), alike for both.
(() => {
  const variant = document.documentElement.dataset.variant;
  const bench = (window.__bench = { variant, usable: undefined, options: 0, cls: 0, shifts: [], longTasks: [] });
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        if (e.hadRecentInput) continue;
        bench.cls += e.value;
        bench.shifts.push({ start: e.startTime, value: e.value });
      }
    }).observe({ type: 'layout-shift', buffered: true });
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) bench.longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    bench.observerMissing = true;
  }

  /** The first element matching `selector` in `root` or any shadow root below it. */
  const deep = (root, selector) => {
    const hit = root.querySelector(selector);
    if (hit) return hit;
    for (const el of root.querySelectorAll('*')) {
      const found = el.shadowRoot && deep(el.shadowRoot, selector);
      if (found) return found;
    }
    return null;
  };
  bench.deep = deep;
  const label = (el) =>
    (el.getAttribute('aria-label') || [...(el.labels || [])].map((l) => l.textContent).join(' ')).trim();
  const enabled = (el) =>
    !el.disabled &&
    !el.readOnly &&
    el.getAttribute('aria-disabled') !== 'true' &&
    !el.closest('[inert], [aria-busy="true"]');
  const key = (el, k) =>
    el.dispatchEvent(
      new KeyboardEvent('keydown', { key: k, code: k, bubbles: true, composed: true, cancelable: true }),
    );
  const settled = async (root) => {
    await root.host?.updateComplete;
    await Promise.resolve();
  };

  /** What the resident would use: the combobox or the select, once it is there and enabled (else null). */
  const candidates = {
    product() {
      const shadow = document.querySelector('citizen-portal')?.shadowRoot;
      const input = shadow && deep(shadow, 'input[role="combobox"]');
      return input && label(input) === 'Category' && enabled(input) ? input : null;
    },
    floor() {
      const shadow = document.querySelector('floor-services')?.shadowRoot;
      const select = shadow && deep(shadow, 'select');
      return select && label(select) === 'Category' && enabled(select) && select.options.length ? select : null;
    },
  };
  /** How many services the resident can reach from it (0: not usable yet). */
  const verify = {
    async product(input) {
      const root = input.getRootNode();
      key(input, 'ArrowDown');
      await settled(root);
      const list = root.getElementById(input.getAttribute('aria-controls') || '');
      const options = list?.querySelectorAll('[role="option"]').length ?? 0;
      key(input, 'Escape');
      await settled(root);
      return options;
    },
    floor: (select) => select.options.length,
  };
  const candidate = candidates[variant];
  if (!candidate) return;
  // Each frame: is the control there? If so, the time right after that frame was painted (a message posted from
  // requestAnimationFrame runs after the frame's rendering) is when the resident could see it; then (after that
  // time was taken, so it costs the measured page nothing) check that it holds the services.
  const tick = (frameStart) => {
    let control = null;
    try {
      control = candidate();
    } catch (error) {
      bench.error = String(error);
    }
    if (!control) return void requestAnimationFrame(tick);
    const channel = new MessageChannel();
    channel.port1.onmessage = async () => {
      const painted = performance.now();
      let options = 0;
      try {
        options = await verify[variant](control);
      } catch (error) {
        bench.error = String(error);
      }
      if (options > 0) {
        Object.assign(bench, { usable: painted, frameStart, options });
        window.__benchUsable?.(painted);
      } else requestAnimationFrame(tick);
    };
    channel.port2.postMessage(null);
  };
  requestAnimationFrame(tick);
})();
