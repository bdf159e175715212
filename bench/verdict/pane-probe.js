/**
 * Injected into every frame before its own scripts (Playwright addInitScript); acts only
 * in the task pane. Plain browser JavaScript, self-contained: it is sent as text.
 *
 * - Wraps the ItemChanged handler the pane registers with Office (the stand-in), so the
 *   clock starts when Outlook would deliver the event to the pane.
 * - Watches the DOM (MutationObserver) for the verdict the bench expects: the expected
 *   sender's address in the pane and the verdict slot whose text is the expected
 *   verdict. Records when it is in the DOM and when the frame that paints it starts (rAF).
 * - After a verdict is shown, counts mutations of the verdict element (or its removal)
 *   until the next switch: a repaint of a verdict that did not change.
 * - Records the first verdict of the page (cold start) with the resources loaded by then.
 * - Offsets Date.now on request, so cached answers can be made stale without waiting.
 * - Sums the page's layout shifts (PerformanceObserver "layout-shift", as Chrome's CLS does).
 *
 * Expects `window.__benchConfig = { finalVerdicts: string[], regionLabel: string }` before it:
 * the verdict is the text of the pane's verdict slot (role="group" named regionLabel).
 */
(function installVerdictProbe() {
  if (!/\/taskpane\.html$/.test(window.location.pathname)) return;
  var config = window.__benchConfig || { finalVerdicts: [], regionLabel: "" };
  var bench = {
    records: [],
    firstVerdict: null,
    armed: null,
    watching: null,
    clockOffsetMs: 0,
    layoutShift: 0,
    shifted: [],
  };
  window.__bench = bench;
  // What moved: the element's tag and accessible name or first words, for the report.
  function describe(node) {
    if (!node || node.nodeType !== 1) return "text";
    var name = node.getAttribute("aria-label") || (node.textContent || "").trim().slice(0, 40);
    return node.tagName.toLowerCase() + (name ? ' "' + name + '"' : "");
  }
  new PerformanceObserver(function (list) {
    list.getEntries().forEach(function (entry) {
      if (entry.hadRecentInput) return;
      bench.layoutShift += entry.value;
      (entry.sources || []).forEach(function (source) {
        var what = describe(source.node);
        if (bench.shifted.indexOf(what) === -1) bench.shifted.push(what);
      });
    });
  }).observe({ type: "layout-shift", buffered: true });

  var realDateNow = Date.now.bind(Date);
  Date.now = function benchDateNow() {
    return realDateNow() + bench.clockOffsetMs;
  };

  bench.expect = function expect(address, verdictText) {
    bench.watching = null;
    bench.armed = {
      address: address,
      verdictText: verdictText,
      itemChangedAt: null,
      domAt: null,
      frameAt: null,
      repaints: 0,
    };
  };

  function verdictElement(text) {
    var candidates = document.querySelectorAll('[role="group"][aria-label="' + config.regionLabel + '"]');
    for (var index = 0; index < candidates.length; index++) {
      if (candidates[index].textContent.trim() === text) return candidates[index];
    }
    return null;
  }

  function loadedResources(until) {
    return performance
      .getEntriesByType("resource")
      .filter(function (entry) {
        return entry.responseEnd <= until;
      })
      .map(function (entry) {
        return {
          url: entry.name,
          initiatorType: entry.initiatorType,
          startTime: entry.startTime,
          responseEnd: entry.responseEnd,
          // 0 when served from the browser's cache.
          transferSize: entry.transferSize,
        };
      });
  }

  function check() {
    var armed = bench.armed;
    if (armed && armed.itemChangedAt !== null && armed.domAt === null) {
      var root = document.getElementById("root");
      var element = verdictElement(armed.verdictText);
      if (element && root && root.textContent.indexOf(armed.address) !== -1) {
        armed.domAt = performance.now();
        requestAnimationFrame(function () {
          armed.frameAt = performance.now();
          bench.records.push(armed);
          if (bench.armed === armed) {
            bench.armed = null;
            bench.watching = { record: armed, element: element };
          }
        });
      }
    }
    if (bench.firstVerdict === null) {
      for (var index = 0; index < config.finalVerdicts.length; index++) {
        var text = config.finalVerdicts[index];
        if (verdictElement(text)) {
          var first = { text: text, domAt: performance.now(), frameAt: null, resources: [] };
          first.resources = loadedResources(first.domAt);
          bench.firstVerdict = first;
          requestAnimationFrame(function () {
            first.frameAt = performance.now();
          });
          break;
        }
      }
    }
  }

  function wrapMailbox(office) {
    var mailbox = office && office.context && office.context.mailbox;
    if (!mailbox || mailbox.__benchWrapped) return;
    var addHandlerAsync = mailbox.addHandlerAsync;
    mailbox.addHandlerAsync = function (eventType, handler) {
      var args = Array.prototype.slice.call(arguments);
      if (eventType === office.EventType.ItemChanged && typeof handler === "function") {
        args[1] = function benchItemChanged() {
          var armed = bench.armed;
          if (armed && armed.itemChangedAt === null) armed.itemChangedAt = performance.now();
          var result = handler.apply(this, arguments);
          check();
          return result;
        };
      }
      return addHandlerAsync.apply(mailbox, args);
    };
    mailbox.__benchWrapped = true;
  }

  var office;
  Object.defineProperty(window, "Office", {
    configurable: true,
    enumerable: true,
    get: function () {
      return office;
    },
    set: function (value) {
      office = value;
      wrapMailbox(value);
    },
  });

  new MutationObserver(function (mutations) {
    var watching = bench.watching;
    if (watching) {
      for (var index = 0; index < mutations.length; index++) {
        var target = mutations[index].target;
        if (!watching.element.isConnected || watching.element.contains(target)) {
          watching.record.repaints++;
          break;
        }
      }
    }
    check();
  }).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
})();
