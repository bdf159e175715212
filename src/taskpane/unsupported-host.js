/*
 * Classic ES5 on purpose: runs where the pane's ES2022 bundle cannot even be parsed.
 * Outlook versions that host add-ins in Internet Explorer's engine (Trident) or the old
 * Edge (EdgeHTML) would otherwise show the loading skeleton forever. There, this shows
 * the "not supported" message taskpane.html carries (English and German, from page-strings.ts)
 * instead: German for a German browser (any "de" tag, as language-choice.ts decides), else English.
 * A separate file, not inline: the CSP allows scripts from 'self' only.
 */
(function () {
  var navigator = window.navigator;
  var userAgent = navigator.userAgent || "";
  // Trident: IE 11 ("Trident/7.0") and older ("MSIE"); EdgeHTML: "Edge/18" (Chromium Edge says "Edg/").
  var legacy = /Trident\/|MSIE /.test(userAgent) || /\sEdge\/\d/.test(userAgent);
  if (!legacy) return;
  // IE knows navigator.userLanguage only.
  var german = /^\s*de(?:[-_]|\s*$)/i.test(navigator.language || navigator.userLanguage || "");
  var root = document.getElementById("root");
  var message = document.getElementById(german ? "unsupported-host-de" : "unsupported-host");
  if (!root || !message) return;
  root.parentNode.removeChild(root);
  if (german) document.documentElement.lang = "de";
  message.style.display = "block";
})();
