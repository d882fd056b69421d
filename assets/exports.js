/* Map images for the "Exporter" menu (layouts/export_buttons.py), drawn in the browser.
 *
 * Slide-ready: the map as the user sees it (its current view, legend and colour scale)
 * under the screen's title (its h1) and filters (the element marked
 * data-export-details), above the source, the data date and the data version
 * (#export-caption, written by pages.export_caption). 1920×1080 for slides, A4
 * landscape at 300 dpi for print. Drawn by Plotly.toImage from the page's own assets:
 * no request leaves the host. One delegated listener, so menus that arrive with a page
 * work without a callback.
 */
(function () {
  "use strict";

  var SIZES = {
    png: { format: "png", width: 1920, height: 1080, scale: 1 },
    svg: { format: "svg", width: 1920, height: 1080, scale: 1 },
    "png-a4": { format: "png", width: 1754, height: 1240, scale: 2 },
  };
  var LINE_LENGTH = 150; // characters of a filter line before it wraps

  function graphOf(button) {
    var host = document.getElementById(button.getAttribute("data-graph") || "");
    if (host) {
      var inside = host.classList.contains("js-plotly-plot")
        ? host
        : host.querySelector(".js-plotly-plot");
      if (inside) return inside;
    }
    return document.querySelector(".js-plotly-plot");
  }

  function today() {
    var d = new Date();
    var pad = function (n) { return String(n).padStart(2, "0"); };
    return d.getFullYear() + "-" + pad(d.getMonth() + 1) + "-" + pad(d.getDate());
  }

  /* Plotly reads a few HTML tags in text: user text (names from files) stays text. */
  function escaped(text) {
    return String(text || "").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  }

  /* Lines of at most LINE_LENGTH characters, broken between words. */
  function lines(text) {
    var out = [], line = "";
    String(text || "").split(" ").forEach(function (word) {
      if (line && (line + " " + word).length > LINE_LENGTH) { out.push(line); line = word; }
      else { line = line ? line + " " + word : word; }
    });
    if (line) out.push(line);
    return out;
  }

  function wrapped(text) {
    return lines(text).map(escaped).join("<br>");
  }

  function textOf(selector) {
    var element = document.querySelector(selector);
    return element ? element.textContent.replace(/\s+/g, " ").trim() : "";
  }

  /* The words around the map: title, filters, and the footer line. */
  function captionOf() {
    var caption = document.getElementById("export-caption");
    var data = caption ? caption.dataset : {};
    return {
      title: textOf("h1"),
      details: textOf("[data-export-details]"),
      footer: [data.source, data.date, data.version].filter(Boolean).join(" · "),
    };
  }

  function exportFigure(gd, size) {
    var words = captionOf();
    var layout = JSON.parse(JSON.stringify(gd.layout || {}));
    var view = gd._fullLayout && gd._fullLayout.map;
    if (view && layout.map) {
      layout.map.center = { lat: view.center.lat, lon: view.center.lon };
      layout.map.zoom = view.zoom;
    }
    var above = lines(words.details).length, below = lines(words.footer).length;
    layout.width = size.width;
    layout.height = size.height;
    layout.margin = { l: 30, r: 30, t: 80 + 26 * above, b: 40 + 22 * below };
    layout.title = {
      text: "<b>" + escaped(words.title) + "</b>",
      x: 0.015, xanchor: "left", y: 1 - 24 / size.height, yanchor: "top",
      font: { size: 32 },
    };
    layout.annotations = (layout.annotations || []).concat([
      {
        text: wrapped(words.details), xref: "paper", yref: "paper", x: 0, xanchor: "left",
        y: 1, yanchor: "bottom", yshift: 10, align: "left", showarrow: false, font: { size: 19 },
      },
      {
        text: wrapped(words.footer), xref: "paper", yref: "paper", x: 0, xanchor: "left",
        y: 0, yanchor: "top", yshift: -18, align: "left", showarrow: false,
        font: { size: 16, color: "#444444" },
      },
    ]);
    if (layout.legend) { layout.legend.font = { size: 17 }; }
    return { data: gd.data, layout: layout, config: { staticPlot: true } };
  }

  function save(url, name) {
    var link = document.createElement("a");
    link.href = url;
    link.download = name;
    document.body.appendChild(link);
    link.click();
    link.remove();
  }

  function exportImage(gd, kind, filename) {
    var size = SIZES[kind] || SIZES.png;
    return window.Plotly.toImage(exportFigure(gd, size), size).then(function (url) {
      save(url, filename + "." + size.format);
      return url;
    });
  }

  window.mapExport = { figure: exportFigure, image: exportImage };

  /* A MapLibre map (assets/map/ti_map.mjs) draws its own image; the button says it is
   * being prepared. */
  function exportMaplibre(button, id, kind, name) {
    var size = SIZES[kind] || SIZES.png;
    var menu = button.closest(".export-menu");
    var toggle = (menu && menu.querySelector(".dropdown-toggle")) || button;
    var label = toggle.textContent;
    button.disabled = true;
    toggle.setAttribute("aria-busy", "true");
    toggle.textContent = "Préparation de l'image…";
    return window.tiMap.exportImage(id, size, captionOf()).then(function (blob) {
      var url = URL.createObjectURL(blob);
      save(url, name + "." + size.format);
      window.setTimeout(function () { URL.revokeObjectURL(url); }, 60000);
    }).catch(function (error) {
      console.error("Export de la carte impossible", error);
    }).then(function () {
      button.disabled = false;
      toggle.removeAttribute("aria-busy");
      toggle.textContent = label;
    });
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("[data-export-image]");
    if (!button) return;
    var id = button.getAttribute("data-graph") || "";
    if (window.tiMap && window.tiMap.entries[id]) {
      var kindOf = button.getAttribute("data-export-image");
      var tail = (kindOf === "png-a4" ? "-a4" : "") + "-" + today();
      exportMaplibre(button, id, kindOf, (button.getAttribute("data-filename") || "carte") + tail);
      return;
    }
    var gd = graphOf(button);
    if (!gd || !window.Plotly || !gd._fullLayout) return;
    var kind = button.getAttribute("data-export-image");
    var suffix = kind === "png-a4" ? "-a4" : "";
    var name = (button.getAttribute("data-filename") || "carte") + suffix + "-" + today();
    button.disabled = true;
    exportImage(gd, kind, name).catch(function (error) {
      console.error("Export de la carte impossible", error);
    }).then(function () {
      button.disabled = false;
    });
  });
})();
