/* The address bar follows a screen's state without a round trip: each screen's
 * callback hands its query string (written by dashboard/url_state.py) to these.
 * history.replaceState rather than dcc.Location, so Dash Pages does not rebuild the
 * page, and a filter change is not one more step for the Back button. The
 * presentation-mode flag and slide sequence of the address are kept. Each call names its screen's path:
 * a screen that answers late, once the user has moved on, leaves the address alone. */
(function () {
  "use strict";

  /* The presentation flag and the presenter's sequence stay in the address. */
  function withPresentation(search) {
    var current = new URLSearchParams(window.location.search);
    ["presentation", "diapos"].forEach(function (name) {
      var value = current.get(name);
      if (value) {
        search += (search ? "&" : "?") + name + "=" + encodeURIComponent(value).replace(/%2C/g, ",");
      }
    });
    return search;
  }

  function replaceSearch(path, search) {
    var here = window.location.pathname.replace(/\/+$/, "") || "/";
    if (here !== path) {
      return window.dash_clientside.no_update;
    }
    search = withPresentation(search);
    if (search !== window.location.search) {
      window.history.replaceState(window.history.state, "", window.location.pathname + search);
    }
    return window.dash_clientside.no_update;
  }

  function replace(path, query) {
    return replaceSearch(path, query || "");
  }

  function round(value, digits) {
    return String(Number(value.toFixed(digits)));
  }

  /* "lat,lon,zoom" of a pan or zoom, else the one already in the address (if any). */
  function viewOf(relayout) {
    if (relayout && relayout["map.center"] && relayout["map.zoom"] !== undefined) {
      var centre = relayout["map.center"];
      return [round(centre.lat, 4), round(centre.lon, 4), round(relayout["map.zoom"], 2)].join(",");
    }
    return new URLSearchParams(window.location.search).get("vue");
  }

  function withView(path, query, relayout) {
    var search = (query || "").replace(/([?&])vue=[^&]*&?/, "$1").replace(/[?&]$/, "");
    var view = viewOf(relayout);
    if (view) {
      search += (search ? "&" : "?") + "vue=" + view;
    }
    return replaceSearch(path, search);
  }

  window.dash_clientside = Object.assign({}, window.dash_clientside, {
    urlState: { replace: replace, withView: withView },
  });
})();
