/* Accessibility fixes for third-party components the app cannot configure from Python:
 *
 * - dash 4 dropdowns keep a read-only <input class="dash-dropdown-focus-target"> marked
 *   aria-hidden, yet reachable with Tab: taken out of the tab order (the dropdown's own
 *   button stays focusable and named by its label);
 * - dash_table's pager buttons are icons without a name: named in French.
 *
 * Applied whenever Dash renders new components (one MutationObserver).
 */
(function () {
  "use strict";

  var PAGER = {
    "first-page": "Première page",
    "previous-page": "Page précédente",
    "next-page": "Page suivante",
    "last-page": "Dernière page",
  };

  function fix(root) {
    root.querySelectorAll(".dash-dropdown-focus-target[aria-hidden='true']").forEach(function (input) {
      if (input.getAttribute("tabindex") !== "-1") { input.setAttribute("tabindex", "-1"); }
    });
    Object.keys(PAGER).forEach(function (name) {
      root.querySelectorAll("button." + name).forEach(function (button) {
        if (!button.getAttribute("aria-label")) { button.setAttribute("aria-label", PAGER[name]); }
      });
    });
  }

  function start() {
    fix(document);
    new MutationObserver(function () { fix(document); })
      .observe(document.body, { childList: true, subtree: true });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
