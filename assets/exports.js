/* Map images for the "Exporter" menu (layouts/export_buttons.py), drawn in the browser.
 *
 * Plotly.downloadImage renders the graph the user sees (its current view, with the
 * base map served by this app) to PNG or SVG and saves it: no request leaves the host.
 * One delegated listener, so menus added later by the router work without a callback.
 */
(function () {
  "use strict";

  function graphOf(button) {
    var host = document.getElementById(button.getAttribute("data-graph") || "");
    if (host) {
      var inside = host.classList.contains("js-plotly-plot")
        ? host
        : host.querySelector(".js-plotly-plot");
      if (inside) return inside;
    }
    // The région page has its own graph id: fall back to the page's (first) graph.
    return document.querySelector(".js-plotly-plot");
  }

  function today() {
    var d = new Date();
    var pad = function (n) { return String(n).padStart(2, "0"); };
    return d.getFullYear() + "-" + pad(d.getMonth() + 1) + "-" + pad(d.getDate());
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("[data-export-image]");
    if (!button) return;
    var gd = graphOf(button);
    if (!gd || !window.Plotly || !gd._fullLayout) return;
    var format = button.getAttribute("data-export-image") === "svg" ? "svg" : "png";
    var name = (button.getAttribute("data-filename") || "carte") + "-" + today();
    button.disabled = true;
    window.Plotly.downloadImage(gd, {
      format: format,
      filename: name,
      width: gd._fullLayout.width,
      height: gd._fullLayout.height,
      scale: format === "png" ? 2 : 1,
    }).catch(function (error) {
      console.error("Export de la carte impossible", error);
    }).then(function () {
      button.disabled = false;
    });
  });
})();
