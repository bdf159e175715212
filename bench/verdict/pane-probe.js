/**
 * Injected into every frame before its own scripts (Playwright addInitScript), sent as text; acts
 * only in the task pane. Starts the clock where Outlook delivers ItemChanged (it wraps the handler
 * the pane registers with the Office stand-in); records when the expected verdict (the sender's
 * address in the pane and the verdict slot's text) is in the DOM and when the frame painting it
 * starts; counts changes to a shown verdict until the next switch (repaints); records the page's
 * first verdict with the resources loaded by then; sums layout shifts (as Chrome's CLS); offsets
 * Date.now on request. Expects `window.__benchConfig = { finalVerdicts, regionLabel }`.
 */
(() => {
  if (!/\/taskpane\.html$/.test(location.pathname)) return;
  const { finalVerdicts, regionLabel } = window.__benchConfig;
  const bench = { records: [], firstVerdict: null, armed: null, watching: null, clockOffsetMs: 0 };
  window.__bench = Object.assign(bench, { layoutShift: 0, shifted: [] });
  // What moved: the element's tag and accessible name or first words.
  const describe = (node) => {
    if (node?.nodeType !== 1) return "text";
    const name = node.getAttribute("aria-label") || node.textContent.trim().slice(0, 40);
    return node.tagName.toLowerCase() + (name ? ` "${name}"` : "");
  };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries().filter((one) => !one.hadRecentInput)) {
      bench.layoutShift += entry.value;
      for (const what of (entry.sources ?? []).map((source) => describe(source.node)))
        if (!bench.shifted.includes(what)) bench.shifted.push(what);
    }
  }).observe({ type: "layout-shift", buffered: true });
  const realNow = Date.now.bind(Date);
  Date.now = () => realNow() + bench.clockOffsetMs;
  bench.expect = (address, verdict) => {
    bench.watching = null;
    bench.armed = { address, verdict, itemChangedAt: null, domAt: null, frameAt: null, repaints: 0 };
  };
  const verdictElement = (text) =>
    [...document.querySelectorAll(`[role="group"][aria-label="${regionLabel}"]`)].find(
      (element) => element.textContent.trim() === text,
    );

  function check() {
    const armed = bench.armed;
    const element = armed?.itemChangedAt != null && armed.domAt === null && verdictElement(armed.verdict);
    if (element && document.getElementById("root")?.textContent.includes(armed.address)) {
      armed.domAt = performance.now();
      requestAnimationFrame(() => {
        armed.frameAt = performance.now();
        bench.records.push(armed);
        if (bench.armed === armed) [bench.armed, bench.watching] = [null, { record: armed, element }];
      });
    }
    if (bench.firstVerdict === null && finalVerdicts.some(verdictElement)) {
      const now = performance.now();
      const loaded = performance.getEntriesByType("resource").filter((entry) => entry.responseEnd <= now);
      const first = (bench.firstVerdict = { frameAt: null, resources: loaded.map((entry) => entry.name) });
      requestAnimationFrame(() => (first.frameAt = performance.now()));
    }
  }

  let office;
  Object.defineProperty(window, "Office", {
    configurable: true,
    enumerable: true,
    get: () => office,
    set(value) {
      office = value;
      const mailbox = value?.context?.mailbox;
      if (!mailbox || mailbox.__benchWrapped) return;
      const addHandlerAsync = mailbox.addHandlerAsync;
      mailbox.addHandlerAsync = (type, handler, ...rest) => {
        const itemChanged = type === value.EventType.ItemChanged && typeof handler === "function";
        const wrapped = function (...args) {
          if (bench.armed && bench.armed.itemChangedAt === null)
            bench.armed.itemChangedAt = performance.now();
          const result = handler.apply(this, args);
          check();
          return result;
        };
        return addHandlerAsync.call(mailbox, type, itemChanged ? wrapped : handler, ...rest);
      };
      mailbox.__benchWrapped = true;
    },
  });

  new MutationObserver((mutations) => {
    const { element, record } = bench.watching ?? {};
    if (element && mutations.some((one) => !element.isConnected || element.contains(one.target)))
      record.repaints++;
    check();
  }).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
})();
