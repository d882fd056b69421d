/* The list « Clusters et réseaux » of the national map, filtered in the browser (a few
   dozen rows: no server round trip) by type and by words; the map's cluster layer follows
   (assets/map/ti_map.mjs, showPoles). Words match without accents or capitals. */
(function () {
  function plain(text) {
    return String(text || "")
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase();
  }

  function filter(kinds, words, records) {
    const all = (records && records.rows) || [];
    const wanted = kinds && kinds.length ? new Set(kinds) : null;
    const terms = plain(words).split(/[^a-z0-9]+/).filter(Boolean);
    const kept = all.filter((row) => {
      if (wanted && !wanted.has(row.type)) return false;
      const text = plain([row.nom, row.type, row.filieres, row.themes, row.localisation].join(" "));
      return terms.every((term) => text.indexOf(term) !== -1);
    });
    const filtered = kept.length !== all.length;
    if (window.tiMap && window.tiMap.showPoles) {
      window.tiMap.showPoles("national-map", filtered ? kept.map((row) => row.id_cluster) : null);
    }
    const template = (records && records.count) || "{n} / {total}";
    const count = filtered ? template.replace("{n}", kept.length).replace("{total}", all.length) : "";
    return [kept, count];
  }

  window.dash_clientside = Object.assign({}, window.dash_clientside, {
    tiClusters: { filter: filter },
  });
})();
