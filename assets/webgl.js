/* Tell the server, before the first page is built, whether this browser draws WebGL:
 * without it every map is sent as SVG from the start (a MapLibre map that fails to start
 * can leave plotly's graph unusable). callbacks/webgl.py reads the cookie. */
(function () {
  var canvas = document.createElement("canvas");
  var ok = Boolean(canvas.getContext("webgl2") || canvas.getContext("webgl"));
  document.cookie = "ti_webgl=" + (ok ? "1" : "0") + "; path=/; SameSite=Lax";
})();
