/* Presentation mode for seminars: ?presentation=1 or the "Mode présentation" button.
 *
 * The mode is the class "presentation" on <html> (assets/presentation.css hides the
 * controls and enlarges the type). It survives in-app navigation in sessionStorage,
 * because the national map rewrites the query string as the user pans. In the mode,
 * ← / → (and PageUp / PageDown, what presenter remotes send) step through the slides
 * listed by /presentation/etapes.json: the report's sequence (national view, each région
 * panel in the annex order), or the one a presenter composed on /presentation, carried
 * in the address as ?diapos=carte,region-27,ti-… and kept at every step so that the
 * address can be shared. Échap leaves. Plain DOM, nothing loaded from outside.
 */
(function () {
  "use strict";

  var STORAGE_KEY = "ti-presentation";
  var SEQUENCE_KEY = "ti-diapos";
  var POSITION_KEY = "ti-diapo";
  var SLIDES_PARAM = "diapos";
  var STEPS_URL = "/presentation/etapes.json";
  var NEXT_KEYS = { ArrowRight: 1, PageDown: 1 };
  var PREVIOUS_KEYS = { ArrowLeft: -1, PageUp: -1 };
  var configs = {};

  /* The presenter's sequence: the address's, else the one this tab was given last. */
  function sequence() {
    var value = new URLSearchParams(window.location.search).get(SLIDES_PARAM);
    if (value !== null) {
      if (value) { sessionStorage.setItem(SEQUENCE_KEY, value); } else { sessionStorage.removeItem(SEQUENCE_KEY); }
      return value;
    }
    return sessionStorage.getItem(SEQUENCE_KEY) || "";
  }

  function loadConfig() {
    var key = sequence();
    if (!configs[key]) {
      var url = STEPS_URL + (key ? "?" + SLIDES_PARAM + "=" + encodeURIComponent(key) : "");
      configs[key] = fetch(url, { credentials: "same-origin" })
        .then(function (response) { return response.json(); })
        .catch(function () { return { steps: ["/"], labels: {} }; });
    }
    return configs[key];
  }

  function here() {
    return window.location.pathname.replace(/\/+$/, "") || "/";
  }

  /* Where we are in the steps: the position last stepped to when it is this page (a
   * sequence may show a page twice), else this page's first place, else -1. */
  function position(steps) {
    var saved = parseInt(sessionStorage.getItem(POSITION_KEY), 10);
    if (steps[saved] === here()) { return saved; }
    return steps.indexOf(here());
  }

  /* The URL decides when it says presentation=1 or 0; otherwise the session remembers. */
  function wanted() {
    var value = new URLSearchParams(window.location.search).get("presentation");
    if (value === "1") { sessionStorage.setItem(STORAGE_KEY, "1"); }
    if (value === "0") { sessionStorage.removeItem(STORAGE_KEY); }
    return sessionStorage.getItem(STORAGE_KEY) === "1";
  }

  function isOn() {
    return document.documentElement.classList.contains("presentation");
  }

  function refreshButton(on) {
    var button = document.getElementById("presentation-toggle");
    if (!button) { return; }
    loadConfig().then(function (c) {
      var labels = c.labels || {};
      button.textContent = on ? (labels.off || "×") : (labels.on || "▶");
      button.setAttribute("aria-pressed", on ? "true" : "false");
      button.hidden = false;
    });
  }

  function apply() {
    var on = wanted();
    var changed = on !== isOn();
    document.documentElement.classList.toggle("presentation", on);
    refreshButton(on);
    refreshCounter();
    if (changed) {
      // Plotly graphs refit to their new container size.
      window.setTimeout(function () { window.dispatchEvent(new Event("resize")); }, 50);
    }
  }

  function setMode(on) {
    if (on) { sessionStorage.setItem(STORAGE_KEY, "1"); } else { sessionStorage.removeItem(STORAGE_KEY); }
    var params = new URLSearchParams(window.location.search);
    if (on) { params.set("presentation", "1"); } else { params.delete("presentation"); }
    var query = params.toString();
    window.history.replaceState(
      window.history.state, "", window.location.pathname + (query ? "?" + query : "") + window.location.hash
    );
    apply();
    var root = document.documentElement;
    if (on && root.requestFullscreen && !document.fullscreenElement) {
      root.requestFullscreen().catch(function () { /* refused outside a user gesture */ });
    }
    if (!on && document.fullscreenElement && document.exitFullscreen) {
      document.exitFullscreen().catch(function () {});
    }
  }

  /* In-app navigation, as dcc.Link does it: no page reload, dcc.Location follows. */
  function navigate(path) {
    var slides = sequence();
    var query = "?presentation=1" + (slides ? "&" + SLIDES_PARAM + "=" + encodeURIComponent(slides).replace(/%2C/g, ",") : "");
    window.history.pushState({}, "", path + query);
    window.dispatchEvent(new CustomEvent("_dashprivate_pushstate"));
    window.scrollTo(0, 0);
  }

  function step(delta) {
    loadConfig().then(function (c) {
      var steps = c.steps || ["/"];
      var index = position(steps);
      var target = index < 0
        ? (delta > 0 ? 0 : steps.length - 1)
        : (index + delta + steps.length) % steps.length;
      sessionStorage.setItem(POSITION_KEY, String(target));
      navigate(steps[target]);
    });
  }

  function isTyping(target) {
    return target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
  }

  function onKey(event) {
    if (!isOn() || event.altKey || event.ctrlKey || event.metaKey || isTyping(event.target)) {
      return;
    }
    var delta = NEXT_KEYS[event.key] || PREVIOUS_KEYS[event.key];
    if (delta) {
      // Captured before MapLibre, which would otherwise pan the focused map.
      event.preventDefault();
      event.stopPropagation();
      step(delta);
    } else if (event.key === "Escape") {
      setMode(false);
    }
  }

  /* The button goes in the header's navbar (static, so React leaves it alone); the
   * header is hidden in the mode, so the same button then floats in a corner (CSS). */
  function addControls() {
    if (document.getElementById("presentation-toggle")) { return; }
    var navbar = document.querySelector(".navbar > .container-fluid, .navbar > .container");
    var button = document.createElement("button");
    button.id = "presentation-toggle";
    button.type = "button";
    button.className = "btn btn-sm btn-outline-light ms-2";
    button.hidden = true;  // shown once it has its words (refreshButton)
    button.addEventListener("click", function () { setMode(!isOn()); });
    if (navbar) { navbar.appendChild(button); } else { document.body.appendChild(button); }
    var hint = document.createElement("div");
    hint.id = "presentation-hint";
    hint.setAttribute("aria-hidden", "true");
    document.body.appendChild(hint);
    var counter = document.createElement("div");
    counter.id = "presentation-counter";
    counter.setAttribute("role", "status");
    document.body.appendChild(counter);
    loadConfig().then(function (c) { hint.textContent = (c.labels || {}).hint || ""; });
  }

  /* Dash's dcc.Location moves with pushState: hear it, and the back button too. */
  ["pushState", "replaceState"].forEach(function (name) {
    var original = window.history[name];
    window.history[name] = function () {
      var result = original.apply(this, arguments);
      window.dispatchEvent(new Event("ti:locationchange"));
      return result;
    };
  });
  window.addEventListener("ti:locationchange", apply);
  window.addEventListener("popstate", apply);
  document.addEventListener("keydown", onKey, true);
  // Any element the header may add later with data-presentation-toggle also toggles.
  document.addEventListener("click", function (event) {
    var toggle = event.target.closest && event.target.closest("[data-presentation-toggle]");
    if (toggle) { event.preventDefault(); setMode(!isOn()); }
  });

  /* Legends and colour scales in larger type on a projector (plotly sizes them in px,
   * so the rem-based CSS does not reach them), and moved out of the map (under it, and
   * the colour scale to its right; plotly widens its margins for them) so that no pin
   * hides under them. Back to the figure's own placement on leaving. */
  var BIG_TYPE = { legend: 17, ticks: 16, title: 17 };
  var LEGEND_KEYS = ["legend.orientation", "legend.x", "legend.xanchor", "legend.y", "legend.yanchor"];
  var SCALE_KEYS = ["colorbar.x", "colorbar.xanchor", "colorbar.y", "colorbar.yanchor"];

  function valueAt(object, path) {
    return path.split(".").reduce(function (o, key) { return o ? o[key] : undefined; }, object);
  }

  function presentationType() {
    if (!window.Plotly) { return; }
    var on = isOn();
    document.querySelectorAll(".js-plotly-plot").forEach(function (gd) {
      if (!gd._fullLayout || (gd.dataset.bigType === "1") === on) { return; }
      var map = gd._fullLayout.map && gd._fullLayout.map._subplot && gd._fullLayout.map._subplot.map;
      if (map && !map.loaded()) { return; }
      gd.dataset.bigType = on ? "1" : "";
      var scales = [];
      (gd.data || []).forEach(function (trace, i) { if (trace.colorbar) { scales.push(i); } });
      if (on) {
        gd.dataset.placement = JSON.stringify({
          legend: LEGEND_KEYS.map(function (k) { return valueAt(gd.layout, k); }),
          scales: scales.map(function (i) {
            return SCALE_KEYS.map(function (k) { return valueAt(gd.data[i], k); });
          })
        });
      }
      var saved = JSON.parse(gd.dataset.placement || "{}");
      var legend = on ? ["h", 0, "left", -0.01, "top"] : (saved.legend || []);
      var update = { "legend.font.size": on ? BIG_TYPE.legend : null };
      LEGEND_KEYS.forEach(function (key, k) { update[key] = legend[k] === undefined ? null : legend[k]; });
      window.Plotly.relayout(gd, update);
      if (scales.length) {
        var style = {
          "colorbar.tickfont.size": on ? BIG_TYPE.ticks : null,
          "colorbar.title.font.size": on ? BIG_TYPE.title : null
        };
        SCALE_KEYS.forEach(function (key, k) {
          style[key] = scales.map(function (_i, n) {
            var before = (saved.scales || [])[n] || [];
            var value = on ? [1.005, "left", 1, "top"][k] : before[k];
            return value === undefined ? null : value;
          });
        });
        window.Plotly.restyle(gd, style, scales);
      }
    });
  }

  /* « 3 / 15 » in a corner: where the presenter is in the sequence. */
  function refreshCounter() {
    var counter = document.getElementById("presentation-counter");
    if (!counter) { return; }
    loadConfig().then(function (c) {
      var steps = c.steps || [];
      var index = position(steps);
      counter.textContent = index < 0 ? "" : (index + 1) + " / " + steps.length;
      counter.setAttribute("aria-label", index < 0 ? "" : "Diapositive " + (index + 1) + " sur " + steps.length);
    });
  }

  /* Dash renders the layout after this script runs: wait for the header. */
  function start() {
    if (!document.querySelector(".navbar") && (start.tries = (start.tries || 0) + 1) < 50) {
      window.setTimeout(start, 100);
      return;
    }
    addControls();
    apply();
    window.setInterval(presentationType, 400);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
