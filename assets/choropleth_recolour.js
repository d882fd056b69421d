/* Recolouring a choropleth without re-reading its geometry.
 *
 * A filter change sends new class numbers (z) and hover values as a Dash Patch;
 * plotly then redraws every trace of the map, and for a choroplethmap trace that
 * means matching every GeoJSON feature again, computing its centroid and its hover
 * polygons, and handing the whole collection to MapLibre: 0.5 to 1 s for the EPCI
 * layer, whatever changed. When the geometry, the locations and the outline are the
 * ones last drawn, the features, centroids and polygons of the previous draw are
 * still right: this carries them over, recomputes each feature's fill colour from
 * its new class, and gives MapLibre the same features with their new colours.
 * Hover, click and the legend keep working from plotly's own, updated, data.
 *
 * It applies to stepped colour scales (one colour per class, as the maps of this
 * app draw them); anything else takes plotly's usual path.
 */
(function () {
  "use strict";

  var WRAPPED = "__tiRecolour";

  function sameArray(a, b) {
    if (!a || !b || a.length !== b.length) return false;
    for (var i = 0; i < a.length; i++) {
      if (a[i] !== b[i]) return false;
    }
    return true;
  }

  /* The colour of value z on a stepped scale; null if z falls between two colours. */
  function steppedColour(trace, z) {
    var scale = trace.colorscale;
    var span = trace.zmax - trace.zmin;
    if (!scale || !(span > 0)) return null;
    var t = (z - trace.zmin) / span;
    for (var i = 0; i < scale.length - 1; i++) {
      if (t >= scale[i][0] && t <= scale[i + 1][0]) {
        return scale[i][1] === scale[i + 1][1] ? scale[i][1] : null;
      }
    }
    return null;
  }

  function reusable(previous, calcTrace) {
    if (!previous || previous.length !== calcTrace.length) return false;
    var before = previous[0].trace;
    var now = calcTrace[0].trace;
    if (!before._opts || now.visible !== true || before.visible !== true) return false;
    if (now.geojson !== before.geojson || typeof now.geojson !== "string") return false;
    if (now.featureidkey !== before.featureidkey) return false;
    if (!sameArray(now.locations, before.locations)) return false;
    if (JSON.stringify(now.marker.line) !== JSON.stringify(before.marker.line)) return false;
    if (now.marker.opacity !== before.marker.opacity) return false;
    for (var i = 0; i < calcTrace.length; i++) {
      if (calcTrace[i].loc !== previous[i].loc) return false;
    }
    return true;
  }

  /* Number each drawn feature once (property "i"), so later colours can be one paint
   * expression over that number: MapLibre then repaints without re-tiling the layer. */
  function numberFeatures(mapTrace, calcTrace) {
    var features = calcTrace[0].trace._opts.geojson.features;
    for (var k = 0; k < features.length; k++) {
      features[k].properties.i = k;
    }
    mapTrace.subplot.map.getSource(mapTrace.sourceId).setData(calcTrace[0].trace._opts.geojson);
    var fill = mapTrace.layerList[0][1];
    mapTrace.subplot.map.setPaintProperty(fill, "fill-color-transition", { duration: 0 });
    mapTrace.__tiNumbered = calcTrace[0].trace._opts.geojson;
  }

  function recolour(mapTrace, previous, calcTrace) {
    var trace = calcTrace[0].trace;
    var opts = previous[0].trace._opts;
    if (mapTrace.__tiNumbered !== opts.geojson) return false;
    var colours = new Array(calcTrace.length);
    for (var i = 0; i < calcTrace.length; i++) {
      if (!previous[i].fOut) continue;
      colours[i] = steppedColour(trace, calcTrace[i].z);
      if (colours[i] === null) return false;
    }
    var byFeature = new Array(opts.geojson.features.length);
    for (var j = 0; j < calcTrace.length; j++) {
      var before = previous[j];
      var now = calcTrace[j];
      if (!before.fOut) continue;
      now.fIn = before.fIn;
      now.fOut = before.fOut;
      now.ct = before.ct;
      now._polygons = before._polygons;
      now.fOut.properties.fc = colours[j];
      byFeature[now.fOut.properties.i] = colours[j];
    }
    trace._opts = opts;
    var paint = ["to-color", ["at", ["get", "i"], ["literal", byFeature]]];
    mapTrace.subplot.map.setPaintProperty(mapTrace.layerList[0][1], "fill-color", paint);
    trace._glTrace = mapTrace;
    return true;
  }

  function wrap(mapTrace) {
    if (mapTrace[WRAPPED]) return;
    var original = mapTrace.update;
    var previous = null;
    mapTrace.update = function (calcTrace) {
      if (!(reusable(previous, calcTrace) && recolour(this, previous, calcTrace))) {
        original.call(this, calcTrace);
        this.__tiNumbered = null;
        scheduleNumbering(this, calcTrace);
      }
      previous = calcTrace;
    };
    mapTrace[WRAPPED] = true;
    // The first draw happened through the constructor: remember it.
    var gd = mapTrace.subplot.gd;
    (gd.calcdata || []).forEach(function (calcTrace) {
      if (calcTrace[0].trace.uid === mapTrace.uid) {
        previous = calcTrace;
        scheduleNumbering(mapTrace, calcTrace);
      }
    });
  }

  /* After the map has drawn, while the user reads it: never on the first paint's path. */
  function scheduleNumbering(mapTrace, calcTrace) {
    var map = mapTrace.subplot.map;
    map.once("idle", function () {
      var opts = calcTrace[0].trace._opts;
      if (opts && opts.geojson.features.length && calcTrace[0].trace._glTrace === mapTrace) {
        numberFeatures(mapTrace, calcTrace);
      }
    });
  }

  /* A pins or clusters trace whose points and style did not change keeps its MapLibre
   * layers as they are (plotly would hand the same points to MapLibre again, and every
   * visible tile of the layer would be cut anew). */
  function wrapPoints(mapTrace) {
    if (mapTrace[WRAPPED]) return;
    var original = mapTrace.update;
    var previous = null;
    mapTrace.update = function (calcTrace) {
      var trace = calcTrace[0].trace;
      if (previous && samePoints(previous, trace)) {
        trace._glTrace = this;
      } else {
        original.call(this, calcTrace);
      }
      previous = trace;
    };
    mapTrace[WRAPPED] = true;
    var gd = mapTrace.subplot.gd;
    (gd.calcdata || []).forEach(function (calcTrace) {
      if (calcTrace[0].trace.uid === mapTrace.uid) previous = calcTrace[0].trace;
    });
  }

  function samePoints(before, now) {
    if (before.visible !== now.visible || before.mode !== now.mode) return false;
    if (!sameArray(before.lon, now.lon) || !sameArray(before.lat, now.lat)) return false;
    var style = ["marker", "line", "cluster", "fill", "fillcolor", "text", "below"];
    for (var i = 0; i < style.length; i++) {
      if (JSON.stringify(before[style[i]]) !== JSON.stringify(now[style[i]])) return false;
    }
    return true;
  }

  function wrapChoropleths(gd) {
    var layout = gd._fullLayout || {};
    Object.keys(layout).forEach(function (key) {
      var subplot = key.indexOf("map") === 0 && layout[key] && layout[key]._subplot;
      if (!subplot || !subplot.traceHash) return;
      // Labels appear at once rather than fading in over 300 ms: on a software-drawn
      // map (projector laptops, virtual machines) each fade step is a whole frame.
      subplot.map._fadeDuration = 0;
      Object.keys(subplot.traceHash).forEach(function (uid) {
        var mapTrace = subplot.traceHash[uid];
        if (mapTrace.type === "choroplethmap") wrap(mapTrace);
        if (mapTrace.type === "scattermap") wrapPoints(mapTrace);
      });
    });
  }

  /* Every plotly graph of the page, as soon as it has drawn (and after each redraw:
   * a new level creates a new trace object). */
  function watch() {
    document.querySelectorAll(".js-plotly-plot").forEach(function (gd) {
      if (gd.__tiWatched || typeof gd.on !== "function") return;
      gd.__tiWatched = true;
      gd.on("plotly_afterplot", function () { wrapChoropleths(gd); });
      wrapChoropleths(gd);
    });
  }

  var scheduled = false;
  new MutationObserver(function () {
    if (scheduled) return;
    scheduled = true;
    window.requestAnimationFrame(function () {
      scheduled = false;
      watch();
    });
  }).observe(document.documentElement, { childList: true, subtree: true });
})();
