/* Maps whose figure carries bounds in layout.meta.fit are fitted to them at their real
 * size (the server only guesses a typical size): drill-down maps, and the national map
 * once places are chosen. Fitted again when the size or the bounds change (entering
 * presentation mode, another région), never when the user pans. meta.presentation_only
 * limits a fit to presentation mode. MapLibre's own fitBounds: a plotly relayout here
 * would rebuild the map's layers mid-load ("Map error"). */
(function () {
  "use strict";

  var FIT_PADDING = 0.08;

  function inPresentation() {
    return document.documentElement.classList.contains("presentation");
  }

  function fitMaps() {
    document.querySelectorAll(".js-plotly-plot").forEach(function (gd) {
      var meta = gd.layout && gd.layout.meta;
      if (!meta || !meta.fit || !gd._fullLayout || !gd.clientWidth) { return; }
      if (meta.presentation_only && !inPresentation()) { return; }
      var key = gd.clientWidth + "x" + gd.clientHeight + JSON.stringify(meta.fit);
      if (gd.dataset.fitted === key) { return; }
      var done = meta.fit.every(function (item) {
        var subplot = gd._fullLayout[item.subplot];
        var map = subplot && subplot._subplot && subplot._subplot.map;
        if (!map || !map.loaded()) { return false; }
        var canvas = map.getCanvas();
        var padding = Math.round(Math.min(canvas.clientWidth, canvas.clientHeight) * FIT_PADDING);
        var b = item.bounds;
        map.fitBounds([[b[0], b[1]], [b[2], b[3]]], { padding: padding, duration: 0 });
        return true;
      });
      if (done) { gd.dataset.fitted = key; }
    });
  }

  window.setInterval(fitMaps, 400);
})();
