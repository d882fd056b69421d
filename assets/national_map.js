/* National map, in the browser: « Effacer les filtres » resets the controls without a
 * round trip (the one callback of the new state then repaints). */
(function () {
  "use strict";

  /* Dates, TI status and per inhabitant back to "all", then every multi-select emptied
   * (as many as the callback has outputs after those four). */
  function clearFilters() {
    var outputs = window.dash_clientside.callback_context.outputs_list.length;
    var values = [null, null, "tous", []];
    while (values.length < outputs) {
      values.push([]);
    }
    return values;
  }

  window.dash_clientside = Object.assign({}, window.dash_clientside, {
    nationalMap: { clearFilters: clearFilters },
  });
})();
