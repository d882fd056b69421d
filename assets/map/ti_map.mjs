/* Every MapLibre map of the app, driven directly (no plotly): one module for all screens.
 *
 * The data contract is written in layouts/figures/vector_map.py: a dcc.Store per map holds
 * the style and the data; the clientside function tiMap.apply(data, id) applies what
 * changed (class numbers by feature state, never geometry). Back to Dash, clicks and the
 * view go to the stores "<id>-click" and "<id>-view" (dash_clientside.set_props).
 *
 * The national map starts before Dash: the page's head fetches its data
 * (window.tiEarly, layouts/index_page.py) and this module draws it off screen, then
 * moves it into its container once Dash has rendered the page.
 *
 * Measurement hook: window.tiMaps[id] is the MapLibre map; the container's attribute
 * data-drawn changes each time a set of data is applied and the map is idle again.
 * Everything written from data is text (textContent), never HTML.
 */
import * as maplibregl from "../vendor/map/maplibre-gl.mjs";

const maps = (window.tiMaps = window.tiMaps || {});
const entries = {}; // container id -> {map, canvas, applied, lookup, ...}
const PIN_LAYERS = ["pins-in", "pins-out"];
const CLUSTER_LAYERS = ["pins-in-clusters", "pins-out-clusters"];
const SWITCHABLE = {
  pins: [...PIN_LAYERS, ...CLUSTER_LAYERS, "pins-in-counts", "pins-out-counts"],
  ti: ["ti-outline"],
  clusters: ["poles", "poles-links"],
};
const PIN_KEY = [
  { key: "in", label: "Dans un Territoire d'industrie", colour: "#c0392b", ring: false },
  { key: "out", label: "Hors Territoire d'industrie", colour: "#f39c12", ring: true },
];
const POLE_KEY = { label: "Clusters et pôles de compétitivité", colour: "#6c3483" };

/* pmtiles.js is a classic script the page's head loads beside this module. */
function pmtilesLoaded() {
  if (window.pmtiles) return Promise.resolve(window.pmtiles);
  return new Promise((resolve, reject) => {
    let script = document.getElementById("ti-pmtiles");
    if (!script) {
      script = document.createElement("script");
      script.id = "ti-pmtiles";
      script.src = new URL("../vendor/map/pmtiles.js", import.meta.url).href;
      document.head.appendChild(script);
    }
    script.addEventListener("load", () => resolve(window.pmtiles));
    script.addEventListener("error", reject);
  });
}

let protocol = null;
async function tilesProtocol() {
  if (!protocol) {
    protocol = pmtilesLoaded().then((pmtiles) => {
      maplibregl.addProtocol("pmtiles", new pmtiles.Protocol().tile);
    });
  }
  return protocol;
}

/* Workers fetch sources: every URL of the style becomes absolute. */
function absolute(url) {
  return new URL(url, window.location.href).href;
}

function resolvedStyle(style) {
  const copy = JSON.parse(JSON.stringify(style));
  Object.values(copy.sources).forEach((source) => {
    if (source.type === "vector" && source.url && !source.url.startsWith("pmtiles:")) {
      source.url = "pmtiles://" + absolute(source.url);
    }
    if (typeof source.data === "string") source.data = absolute(source.data);
  });
  copy.glyphs = absolute(copy.glyphs).replace(/%7B/g, "{").replace(/%7D/g, "}");
  return copy;
}

function cameraOf(view) {
  if (view && view.bounds) {
    const [w, s, e, n] = view.bounds;
    return { bounds: [[w, s], [e, n]], fitBoundsOptions: { padding: 24 } };
  }
  if (view && view.center) return { center: view.center, zoom: view.zoom };
  return { bounds: [[-5.2, 41.3], [9.6, 51.1]] };
}

function moveTo(map, view) {
  if (view.bounds) {
    const [w, s, e, n] = view.bounds;
    map.fitBounds([[w, s], [e, n]], { padding: 24, animate: false });
  } else if (view.center) {
    map.jumpTo({ center: view.center, zoom: view.zoom });
  }
}

function setProps(id, value) {
  const dash = window.dash_clientside;
  if (dash && dash.set_props) dash.set_props(id, { data: value });
}

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/* ---------------------------------------------------------------- creation */

function createEntry(id, holder, data) {
  const canvas = element("div", "ti-map-canvas");
  holder.appendChild(canvas);
  const map = new maplibregl.Map({
    container: canvas,
    style: resolvedStyle(data.style),
    ...cameraOf(data.view),
    attributionControl: false,
    dragRotate: false,
    pitchWithRotate: false,
    touchPitch: false,
    fadeDuration: 0,
    maxZoom: 14,
    locale: {
      "Map.Title": "Carte (flèches pour se déplacer, + et − pour zoomer)",
      "NavigationControl.ZoomIn": "Zoomer",
      "NavigationControl.ZoomOut": "Dézoomer",
      "Popup.Close": "Fermer",
    },
  });
  map.addControl(new maplibregl.NavigationControl({ showCompass: false }), "top-right");
  map.addControl(new maplibregl.ScaleControl({ unit: "metric" }), "bottom-right");
  map.touchZoomRotate.disableRotation();
  const entry = {
    id: id,
    map: map,
    canvas: canvas,
    applied: { view: data.view ? data.view.n : null },
    view: data.view,
    userMoved: false,
    lookup: new Map(),
    drawn: 0,
    loaded: new Promise((resolve) => map.once("load", resolve)),
  };
  // Beside the map's own element, not in it: presentation mode moves it out of the map.
  entry.legend = element("div", "ti-map-legend");
  holder.appendChild(entry.legend);
  entries[id] = entry;
  maps[id] = map;
  loadGeojson(entry, data.style);
  listen(entry);
  return entry;
}

/* GeoJSON whose feature ids are strings (the TIs): the id becomes the "code" property
 * MapLibre promotes for feature state. */
function loadGeojson(entry, style) {
  const wanted = (style.metadata || {})["ti:geojson"] || {};
  Object.entries(wanted).forEach(([name, url]) => {
    // Fetched at once, in parallel with the style; given to the map once it has loaded.
    const geojson = fetch(url, { credentials: "same-origin" })
      .then((response) => (response.ok ? response.json() : null))
      .catch(() => null);
    Promise.all([geojson, entry.loaded]).then(([collection]) => {
      if (!collection) return;
      collection.features.forEach((feature) => {
        feature.properties = Object.assign({}, feature.properties, { code: feature.id });
      });
      entry.map.getSource(name).setData(collection);
    });
  });
}

/* ---------------------------------------------------------------- applying data */

function applyLevel(entry, choropleth) {
  const map = entry.map;
  const level = choropleth.level;
  map.getStyle().layers.forEach((layer) => {
    const match = /^(fill|outline)-(.+)$/.exec(layer.id);
    if (match) map.setLayoutProperty(layer.id, "visibility", match[2] === level ? "visible" : "none");
  });
  const fill = map.getLayer("fill-" + level);
  const target = { source: fill.source };
  if (fill.sourceLayer) target.sourceLayer = fill.sourceLayer;
  if (entry.target) map.removeFeatureState(entry.target);
  map.removeFeatureState(target);
  choropleth.codes.forEach((code, i) => {
    map.setFeatureState(Object.assign({ id: code }, target), { c: choropleth.classes[i] });
  });
  entry.target = target;
  entry.level = level;
  entry.choropleth = choropleth;
  entry.lookup = new Map(choropleth.codes.map((code, i) => [String(code), i]));
}

function pinFeatures(columns) {
  return {
    type: "FeatureCollection",
    features: columns.lon.map((lon, i) => ({
      type: "Feature",
      geometry: { type: "Point", coordinates: [lon, columns.lat[i]] },
      properties: { i: i },
    })),
  };
}

function applyPins(entry, pins) {
  entry.pins = pins;
  entry.map.getSource("pins-in").setData(pinFeatures(pins.in));
  entry.map.getSource("pins-out").setData(pinFeatures(pins.out));
}

function applyPoles(entry, poles) {
  entry.poles = poles;
  const kinds = poles.kind || [];
  const approx = poles.approx || [];
  entry.map.getSource("poles").setData({
    type: "FeatureCollection",
    features: poles.lon.map((lon, i) => ({
      type: "Feature",
      geometry: { type: "Point", coordinates: [lon, poles.lat[i]] },
      properties: { i: i, k: kinds[i] || "autre", a: Boolean(approx[i]) },
    })),
  });
  const owners = poles.link_owner || [];
  entry.map.getSource("poles-links").setData({
    type: "FeatureCollection",
    features: poles.links.map(([x0, y0, x1, y1], n) => ({
      type: "Feature",
      geometry: { type: "LineString", coordinates: [[x0, y0], [x1, y1]] },
      properties: { i: owners[n] === undefined ? -1 : owners[n] },
    })),
  });
  showPoles(entry.id, entry.polesShown || null);
}

/* Only the clusters whose ids are given (the list « Clusters et réseaux » filtered by
   the user); null shows them all. */
function showPoles(id, ids) {
  const entry = entries[id];
  if (!entry) return;
  entry.polesShown = ids;
  if (!entry.poles || !entry.map.getLayer("poles")) return;
  let filter = null;
  if (ids) {
    const wanted = new Set(ids);
    const kept = entry.poles.id.map((code, i) => (wanted.has(code) ? i : -1)).filter((i) => i >= 0);
    filter = ["in", ["get", "i"], ["literal", kept]];
  }
  entry.map.setFilter("poles", filter);
  entry.map.setFilter("poles-links", filter);
}

function applyLayers(entry, shown) {
  entry.layers = shown;
  Object.entries(SWITCHABLE).forEach(([name, ids]) => {
    const visibility = shown.indexOf(name) === -1 ? "none" : "visible";
    ids.forEach((id) => entry.map.setLayoutProperty(id, "visibility", visibility));
  });
}

/* Each part is applied only when it differs from what is drawn. */
function changed(entry, part, value) {
  const text = JSON.stringify(value === undefined ? null : value);
  if (entry.applied[part] === text) return false;
  entry.applied[part] = text;
  return value !== undefined && value !== null;
}

async function applyData(entry, data) {
  await entry.loaded;
  const map = entry.map;
  if (changed(entry, "choropleth", data.choropleth)) applyLevel(entry, data.choropleth);
  if (changed(entry, "pins", data.pins)) applyPins(entry, data.pins);
  if (changed(entry, "poles", data.poles)) applyPoles(entry, data.poles);
  if (changed(entry, "layers", data.layers)) applyLayers(entry, data.layers);
  if (data.view && data.view.n !== entry.applied.view) {
    entry.applied.view = data.view.n;
    entry.view = data.view;
    entry.userMoved = false;
    moveTo(map, data.view);
  }
  drawLegend(entry);
  map.triggerRepaint();
  await new Promise((resolve) => map.once("idle", resolve));
  entry.drawn += 1;
  const container = document.getElementById(entry.id);
  if (container && container.contains(entry.canvas)) {
    container.setAttribute("data-drawn", String(entry.drawn));
  }
}

/* ---------------------------------------------------------------- legend */

function swatch(colour, shape) {
  const mark = element("span", "ti-key ti-key-" + shape);
  mark.style.setProperty("--key", colour);
  return mark;
}

/* One key per kind of structure present (clusters, pôles, réseaux…), else the layer's. */
function poleKeys(entry) {
  const legend = (entry.poles && entry.poles.legend) || [];
  return legend.length ? legend : [POLE_KEY];
}

function drawLegend(entry) {
  const box = entry.legend;
  box.replaceChildren();
  const choropleth = entry.choropleth;
  if (choropleth) {
    box.appendChild(element("div", "ti-map-legend-title", choropleth.legend.title));
    choropleth.legend.labels.forEach((label, i) => {
      const row = element("div", "ti-map-legend-row");
      row.append(swatch(choropleth.legend.colours[i], "square"), element("span", "", label));
      box.appendChild(row);
    });
  }
  const layers = entry.layers || [];
  if (layers.indexOf("pins") !== -1) {
    PIN_KEY.forEach((key) => {
      const row = element("div", "ti-map-legend-row");
      row.append(swatch(key.colour, key.ring ? "ring" : "disc"), element("span", "", key.label));
      box.appendChild(row);
    });
  }
  if (layers.indexOf("clusters") !== -1) {
    poleKeys(entry).forEach((key) => {
      const row = element("div", "ti-map-legend-row");
      row.append(swatch(key.colour, "disc"), element("span", "", key.label));
      box.appendChild(row);
    });
  }
}

/* ---------------------------------------------------------------- hover and click */

function interactiveLayers(entry) {
  const ids = [];
  const layers = entry.layers || [];
  if (layers.indexOf("pins") !== -1) ids.push(...PIN_LAYERS, ...CLUSTER_LAYERS);
  if (layers.indexOf("clusters") !== -1) ids.push("poles");
  if (entry.level) ids.push("fill-" + entry.level);
  return ids.filter((id) => entry.map.getLayer(id));
}

function featureAt(entry, point) {
  const found = entry.map.queryRenderedFeatures(point, { layers: interactiveLayers(entry) });
  return found.length ? found[0] : null;
}

function card(lines) {
  const box = element("div", "ti-map-card");
  lines.forEach((line, i) => {
    if (line) box.appendChild(element(i === 0 ? "strong" : "div", "", line));
  });
  return box;
}

function territoryCard(entry, feature) {
  const choropleth = entry.choropleth;
  const code = String(feature.properties.code);
  const i = entry.lookup.get(code);
  const text = i === undefined ? choropleth.default[0] : choropleth.texts[i];
  const rank = i === undefined ? choropleth.default[1] : choropleth.ranks[i];
  return card([feature.properties.nom || code, text, "Rang : " + rank]);
}

const pinCards = new Map(); // lauréat id -> promise of its card's lines

function pinLines(id) {
  if (!pinCards.has(id)) {
    const url = "/carte/laureat/" + encodeURIComponent(id) + ".json";
    pinCards.set(
      id,
      fetch(url, { credentials: "same-origin" })
        .then((response) => (response.ok ? response.json() : ["Projet introuvable"]))
        .catch(() => ["Projet introuvable"]),
    );
  }
  return pinCards.get(id);
}

/* A pin's card comes from the server when hovered: pins travel as positions and ids. */
function pinCard(entry, feature) {
  const inside = feature.layer.id === "pins-in";
  const columns = entry.pins[inside ? "in" : "out"];
  const i = feature.properties.i;
  if (columns.n) {
    const n = columns.n[i];
    return card([n + (n > 1 ? " lauréats" : " lauréat"), "regroupés par commune"]);
  }
  const box = card(["…"]);
  pinLines(columns.id[i]).then((lines) => box.replaceWith(card(lines)));
  return box;
}

function poleCard(entry, feature) {
  const poles = entry.poles;
  const i = feature.properties.i;
  return card([poles.name[i], poles.type[i], poles.filieres[i], poles.links_text[i]]);
}

function clusterCard(feature) {
  const n = feature.properties.point_count;
  const inside = feature.layer.id.startsWith("pins-in");
  return card([
    n + " lauréats " + (inside ? "dans un Territoire d'industrie" : "hors Territoire d'industrie"),
    "Cliquer pour zoomer",
  ]);
}

function cardOf(entry, feature) {
  const layer = feature.layer.id;
  if (PIN_LAYERS.indexOf(layer) !== -1) return pinCard(entry, feature);
  if (CLUSTER_LAYERS.indexOf(layer) !== -1) return clusterCard(feature);
  if (layer === "poles") return poleCard(entry, feature);
  return territoryCard(entry, feature);
}

function setHover(entry, feature) {
  const map = entry.map;
  if (entry.hovered) map.setFeatureState(entry.hovered, { hover: false });
  entry.hovered = null;
  if (feature && feature.layer.id.startsWith("fill-") && feature.id !== undefined) {
    entry.hovered = Object.assign({ id: feature.id }, entry.target);
    map.setFeatureState(entry.hovered, { hover: true });
  }
}

function listen(entry) {
  const map = entry.map;
  const popup = new maplibregl.Popup({
    closeButton: false,
    closeOnClick: false,
    maxWidth: "340px",
    className: "ti-map-popup",
  });
  entry.popup = popup;
  map.on("mousemove", (event) => {
    const feature = featureAt(entry, event.point);
    setHover(entry, feature);
    map.getCanvas().style.cursor = feature ? "pointer" : "";
    if (!feature) {
      popup.remove();
      entry.hoverKey = null;
      return;
    }
    const key = feature.layer.id + ":" + (feature.id !== undefined ? feature.id : feature.properties.i);
    if (key !== entry.hoverKey || !popup.isOpen()) {
      entry.hoverKey = key;
      popup.setDOMContent(cardOf(entry, feature));
    }
    popup.setLngLat(event.lngLat).addTo(map);
  });
  map.on("mouseout", () => {
    setHover(entry, null);
    popup.remove();
    entry.hoverKey = null;
  });
  map.on("click", (event) => {
    const feature = featureAt(entry, event.point);
    if (!feature) return;
    const layer = feature.layer.id;
    if (CLUSTER_LAYERS.indexOf(layer) !== -1) {
      const source = map.getSource(feature.source);
      source.getClusterExpansionZoom(feature.properties.cluster_id).then((zoom) => {
        map.easeTo({ center: feature.geometry.coordinates, zoom: zoom });
      });
      return;
    }
    if (PIN_LAYERS.indexOf(layer) !== -1) {
      const columns = entry.pins[layer === "pins-in" ? "in" : "out"];
      const id = columns.id[feature.properties.i];
      if (id) setProps(entry.id + "-click", { kind: "pin", id: id, n: Date.now() });
      return;
    }
    if (layer === "poles") {
      const id = (entry.poles.id || [])[feature.properties.i];
      if (id) setProps(entry.id + "-click", { kind: "cluster", id: id, n: Date.now() });
      return;
    }
    if (layer.startsWith("fill-")) {
      setProps(entry.id + "-click", {
        kind: "territory",
        code: String(feature.properties.code),
        n: Date.now(),
      });
    }
  });
  map.on("moveend", (event) => {
    if (!event.originalEvent) return; // the user's moves only, not the fits of a filter
    entry.userMoved = true;
    const centre = map.getCenter();
    setProps(entry.id + "-view", {
      "map.center": { lat: centre.lat, lon: centre.lng },
      "map.zoom": map.getZoom(),
    });
  });
}

/* ---------------------------------------------------------------- images */

/* The map redrawn at the size of the image's frame (France, or the chosen place, fills
 * it), by a second MapLibre map off screen with the same style, data and colours. */
async function snapshot(entry, width, height, ratio) {
  const holder = element("div", "ti-map-early");
  holder.style.width = width + "px";
  holder.style.height = height + "px";
  document.body.appendChild(holder);
  const source = entry.map;
  const bounds = source.getBounds();
  const view =
    entry.view && !entry.userMoved
      ? entry.view
      : { bounds: [bounds.getWest(), bounds.getSouth(), bounds.getEast(), bounds.getNorth()] };
  const copy = new maplibregl.Map({
    container: holder,
    style: source.getStyle(),
    ...cameraOf(view),
    pixelRatio: ratio,
    interactive: false,
    preserveDrawingBuffer: true,
    attributionControl: false,
    fadeDuration: 0,
  });
  try {
    await new Promise((resolve) => copy.once("load", resolve));
    const choropleth = entry.choropleth;
    choropleth.codes.forEach((code, i) => {
      copy.setFeatureState(Object.assign({ id: code }, entry.target), { c: choropleth.classes[i] });
    });
    copy.triggerRepaint();
    await new Promise((resolve) => copy.once("idle", resolve));
    const picture = document.createElement("canvas");
    picture.width = copy.getCanvas().width;
    picture.height = copy.getCanvas().height;
    picture.getContext("2d").drawImage(copy.getCanvas(), 0, 0);
    return picture;
  } finally {
    copy.remove();
    holder.remove();
  }
}

const LINE_LENGTH = 150; // characters of a line of the header or footer before it wraps
const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";

function wrap(text, length) {
  const out = [];
  let line = "";
  String(text || "").split(" ").forEach((word) => {
    if (line && (line + " " + word).length > length) {
      out.push(line);
      line = word;
    } else {
      line = line ? line + " " + word : word;
    }
  });
  if (line) out.push(line);
  return out;
}

/* What the image holds, as shapes in CSS pixels: drawn on a canvas (PNG) or written as
 * SVG elements (text stays text). */
function composition(entry, size, words) {
  const W = size.width;
  const H = size.height;
  const details = wrap(words.details, LINE_LENGTH);
  const footer = wrap(words.footer, LINE_LENGTH);
  const top = 80 + 26 * details.length;
  const bottom = 36 + 22 * footer.length;
  const legendWidth = 380;
  const frame = { x: 30, y: top, width: W - 60 - legendWidth - 20, height: H - top - bottom };
  const shapes = [{ kind: "rect", x: 0, y: 0, width: W, height: H, colour: "#ffffff" }];
  const text = (x, y, value, size, weight, colour) =>
    shapes.push({ kind: "text", x, y, value, size, weight: weight || 400, colour: colour || "#1f1f1f" });
  text(30, 50, words.title, 32, 700);
  details.forEach((line, i) => text(30, 88 + 26 * i, line, 19));
  footer.forEach((line, i) => text(30, H - bottom + 34 + 22 * i, line, 16, 400, "#444444"));
  shapes.push({ kind: "map", ...frame });
  let y = top + 8;
  const x = W - 30 - legendWidth + 10;
  const choropleth = entry.choropleth;
  wrap(choropleth.legend.title, 30).forEach((line) => {
    text(x, y + 18, line, 19, 700);
    y += 26;
  });
  y += 6;
  choropleth.legend.labels.forEach((label, i) => {
    shapes.push({ kind: "rect", x: x, y: y, width: 22, height: 22, colour: choropleth.legend.colours[i], line: "#bbbbbb" });
    text(x + 32, y + 17, label, 17);
    y += 30;
  });
  const layers = entry.layers || [];
  const keys = [];
  if (layers.indexOf("pins") !== -1) PIN_KEY.forEach((key) => keys.push(key));
  if (layers.indexOf("clusters") !== -1) poleKeys(entry).forEach((key) => keys.push({ label: key.label, colour: key.colour, ring: false }));
  y += 10;
  keys.forEach((key) => {
    wrap(key.label, 30).forEach((line, n) => {
      if (n === 0) {
        shapes.push({ kind: "circle", x: x + 11, y: y + 11, r: key.ring ? 7 : 9, colour: key.ring ? "#ffffff" : key.colour, line: key.ring ? key.colour : "#ffffff", lineWidth: key.ring ? 4 : 1.5 });
      }
      text(x + 32, y + 17, line, 17);
      y += 26;
    });
    y += 4;
  });
  return { shapes, frame };
}

function paint(context, shape, picture) {
  if (shape.kind === "rect") {
    context.fillStyle = shape.colour;
    context.fillRect(shape.x, shape.y, shape.width, shape.height);
    if (shape.line) {
      context.strokeStyle = shape.line;
      context.strokeRect(shape.x, shape.y, shape.width, shape.height);
    }
  } else if (shape.kind === "circle") {
    context.beginPath();
    context.arc(shape.x, shape.y, shape.r, 0, 2 * Math.PI);
    context.fillStyle = shape.colour;
    context.fill();
    context.lineWidth = shape.lineWidth;
    context.strokeStyle = shape.line;
    context.stroke();
  } else if (shape.kind === "text") {
    context.font = shape.weight + " " + shape.size + "px " + FONT;
    context.fillStyle = shape.colour;
    context.fillText(shape.value, shape.x, shape.y);
  } else if (shape.kind === "map") {
    context.drawImage(picture, shape.x, shape.y, shape.width, shape.height);
  }
}

function escapeXml(value) {
  return String(value)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

function svgOf(shape, picture) {
  if (shape.kind === "rect") {
    const line = shape.line ? ` stroke="${shape.line}"` : "";
    return `<rect x="${shape.x}" y="${shape.y}" width="${shape.width}" height="${shape.height}" fill="${shape.colour}"${line}/>`;
  }
  if (shape.kind === "circle") {
    return `<circle cx="${shape.x}" cy="${shape.y}" r="${shape.r}" fill="${shape.colour}" stroke="${shape.line}" stroke-width="${shape.lineWidth}"/>`;
  }
  if (shape.kind === "text") {
    return `<text x="${shape.x}" y="${shape.y}" font-size="${shape.size}" font-weight="${shape.weight}" fill="${shape.colour}">${escapeXml(shape.value)}</text>`;
  }
  return `<image x="${shape.x}" y="${shape.y}" width="${shape.width}" height="${shape.height}" href="${picture.toDataURL("image/png")}"/>`;
}

/* A Blob of the map image: size {format: "png"|"svg", width, height, scale}, words
 * {title, details, footer} (assets/exports.js reads them from the page). */
async function exportImage(id, size, words) {
  const entry = entries[id];
  if (!entry || !entry.choropleth) throw new Error("carte non prête");
  const layout = composition(entry, size, words);
  const ratio = size.format === "svg" ? 2 : size.scale;
  const picture = await snapshot(entry, layout.frame.width, layout.frame.height, ratio);
  if (size.format === "svg") {
    const body = layout.shapes.map((shape) => svgOf(shape, picture)).join("\n");
    const svg =
      `<svg xmlns="http://www.w3.org/2000/svg" width="${size.width}" height="${size.height}" ` +
      `viewBox="0 0 ${size.width} ${size.height}" font-family="${escapeXml(FONT)}">\n${body}\n</svg>\n`;
    return new Blob([svg], { type: "image/svg+xml" });
  }
  const canvas = document.createElement("canvas");
  canvas.width = size.width * size.scale;
  canvas.height = size.height * size.scale;
  const context = canvas.getContext("2d");
  context.scale(size.scale, size.scale);
  layout.shapes.forEach((shape) => paint(context, shape, picture));
  return new Promise((resolve) => canvas.toBlob(resolve, "image/png"));
}

/* ---------------------------------------------------------------- placing the map */

function offscreenHolder() {
  const holder = element("div", "ti-map-early");
  holder.setAttribute("aria-hidden", "true");
  // About the size of the national map's slot, so moving it in costs little.
  const wide = window.innerWidth >= 992;
  holder.style.width = Math.round(wide ? window.innerWidth * 0.72 : window.innerWidth) + "px";
  holder.style.height = Math.max(420, Math.round(window.innerHeight * 0.68)) + "px";
  document.body.appendChild(holder);
  return holder;
}

function adopt(entry, container) {
  if (container.contains(entry.canvas)) return;
  const early = entry.canvas.parentElement;
  container.appendChild(entry.canvas);
  container.appendChild(entry.legend);
  if (early && early.classList.contains("ti-map-early")) early.remove();
  entry.map.resize();
  if (entry.view && !entry.userMoved) moveTo(entry.map, entry.view); // fitted to the new size
}

/* Without WebGL the page is rebuilt with SVG maps (callbacks/webgl.py reads the cookie). */
function noWebgl(container) {
  if (document.cookie.indexOf("ti_webgl=0") !== -1) return;
  document.cookie = "ti_webgl=0; path=/; SameSite=Lax";
  container.textContent = "Carte en cours de rechargement (navigateur sans WebGL)…";
  window.location.reload();
}

function containerOf(id) {
  return new Promise((resolve) => {
    let tries = 0;
    (function look() {
      const found = document.getElementById(id);
      if (found || tries++ > 300) resolve(found);
      else window.requestAnimationFrame(look);
    })();
  });
}

async function apply(data, id) {
  if (!data || !data.style) return window.dash_clientside.no_update;
  const container = await containerOf(id);
  if (!container) return null;
  await tilesProtocol();
  let entry = entries[id];
  try {
    if (!entry) entry = createEntry(id, container, data);
  } catch (error) {
    noWebgl(container);
    return null;
  }
  adopt(entry, container);
  await applyData(entry, data);
  return entry.drawn;
}

async function startEarly(early) {
  const data = await early.data;
  if (!data || entries[early.id]) return;
  await tilesProtocol();
  if (entries[early.id]) return;
  try {
    const container = document.getElementById(early.id) || offscreenHolder();
    const entry = createEntry(early.id, container, data);
    await applyData(entry, data);
  } catch (error) {
    // No WebGL: Dash's apply will say so in the page.
  }
}

// The page's head defined dash_clientside.tiMap, waiting for this (layouts/index_page.py).
if (window.tiMapLoaded) {
  window.tiMapLoaded({ apply: apply });
} else {
  window.dash_clientside = Object.assign({}, window.dash_clientside, { tiMap: { apply: apply } });
}
window.tiMap = { entries: entries, exportImage: exportImage, showPoles: showPoles };

if (window.tiEarly) {
  startEarly(window.tiEarly);
}
