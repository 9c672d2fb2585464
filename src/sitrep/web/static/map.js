// sitrep's map page. Everything from the data is put into the page with textContent
// (never innerHTML), so an article containing markup shows as text.
"use strict";

const EVENT_COLOURS = {
  "Battles": "#d32f2f",
  "Explosions/Remote violence": "#f57c00",
  "Violence against civilians": "#7b1fa2",
  "Protests": "#1976d2",
  "Riots": "#fbc02d",
  "Strategic developments": "#455a64",
};
const HOLDER_PALETTE = ["#2e7d32", "#c2185b", "#0288d1", "#6d4c41", "#f9a825", "#5e35b1", "#00897b", "#e64a19"];
const UNKNOWN_COLOUR = "#9e9e9e";
const DAY_MS = 86400000;

const state = {
  config: null, map: null, eventLayer: null, controlLayer: null, referenceLayer: null,
  events: [], control: [], holderColours: new Map(), markers: new Map(), hiddenTypes: new Set(),
  shown: [], first: null, days: 0, day: null, selected: null, controlRequest: 0, referenceRequest: 0,
  sort: {key: "date", descending: true},
};

// ---- small helpers -------------------------------------------------------

function present(items) { return items.filter((item) => item !== null && item !== undefined); }

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (key === "class") node.className = value;
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else if (key === "dataset") Object.assign(node.dataset, value);
    else node.setAttribute(key, value);
  }
  for (const child of present(children)) {
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

async function getJSON(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return response.json();
}

async function postJSON(url, body) {
  const response = await fetch(url, {
    method: "POST", headers: {"Content-Type": "application/json"}, body: JSON.stringify(body),
  });
  const data = await response.json();
  if (!response.ok) throw new Error(data.detail || response.statusText);
  return data;
}

function parseDay(iso) { return iso ? Date.parse(iso + "T00:00:00Z") : null; }
function isoDay(ms) { return new Date(ms).toISOString().slice(0, 10); }
function dayAt(index) { return isoDay(state.first + index * DAY_MS); }
function dayIndex(iso) { return Math.round((parseDay(iso) - state.first) / DAY_MS); }

function showBanner(message) {
  const banner = document.getElementById("banner");
  banner.textContent = message;
  banner.hidden = false;
}

// ---- colours -------------------------------------------------------------

function eventColour(type) { return EVENT_COLOURS[type] || "#000000"; }

function assignHolderColours(controlRows) {
  const holders = new Set();
  for (const row of controlRows) {
    for (const step of row.steps) {
      if (step.to) holders.add(step.to);
      if (step.from) holders.add(step.from);
    }
  }
  [...holders].sort().forEach((name, i) => state.holderColours.set(name, HOLDER_PALETTE[i % HOLDER_PALETTE.length]));
}

function holderColour(holder) { return state.holderColours.get(holder) || UNKNOWN_COLOUR; }

// capped so that a marker left out of a cluster is never hidden under its neighbour
function eventRadius(fatalities) { return Math.min(16, 6 + 2.5 * Math.sqrt(fatalities || 0)); }

// ---- map -------------------------------------------------------------------

async function drawBasemap() {
  const topo = await getJSON("/static/vendor/countries-50m.json");
  const land = topojson.feature(topo, topo.objects.countries);
  const fill = state.config.tiles ? 0 : 1;  // configured tiles show through the outlines
  L.geoJSON(land, {
    pane: "basemap", interactive: false,
    style: {color: "#78909c", weight: 0.8, fillColor: "#f5f1e6", fillOpacity: fill},
  }).addTo(state.map);
}

// A cluster's icon: its count on a ring split by event type, so a glance shows the mix.
function clusterIcon(cluster) {
  const children = cluster.getAllChildMarkers();
  const counts = new Map();
  for (const marker of children) counts.set(marker.options.eventType, (counts.get(marker.options.eventType) || 0) + 1);
  let at = 0;
  const stops = [];
  for (const [type, count] of counts) {
    const to = at + (360 * count) / children.length;
    stops.push(`${eventColour(type)} ${at}deg ${to}deg`);
    at = to;
  }
  const size = children.length < 10 ? 30 : children.length < 50 ? 36 : 42;
  const ring = el("div", {class: "event-cluster", dataset: {count: String(children.length)}},
    el("span", {}, String(children.length)));
  ring.style.background = `conic-gradient(${stops.join(", ")})`;
  return L.divIcon({html: ring, className: "event-cluster-icon", iconSize: [size, size]});
}

function setUpMap() {
  state.map = L.map("map", {worldCopyJump: true, zoomSnap: 0.5, minZoom: 2, maxZoom: 16}).setView([20, 0], 2);
  if (state.config.tiles) {
    L.tileLayer(state.config.tiles, {maxZoom: 18}).addTo(state.map);
  }
  state.map.attributionControl.addAttribution("Basemap: Natural Earth via world-atlas; places: sitrep's gazetteer (MIMU, GeoNames)");
  L.control.scale({imperial: false}).addTo(state.map);
  // country shapes at the bottom (with tiles), then reference towns, then control rings;
  // event circles above cluster icons, so a spread cluster is never under another icon
  state.map.createPane("basemap").style.zIndex = "250";
  state.map.createPane("reference").style.zIndex = "300";
  state.map.createPane("reference").style.pointerEvents = "none";
  state.map.createPane("control").style.zIndex = "350";
  state.map.createPane("events").style.zIndex = "610";
  state.referenceLayer = L.layerGroup().addTo(state.map);
  state.controlLayer = L.layerGroup().addTo(state.map);
  // markers at one place (or a few pixels apart) form one cluster; a click spreads it
  // where it is, keeping the zoom, so every event can be reached without zooming in
  state.eventLayer = L.markerClusterGroup({
    maxClusterRadius: 36, zoomToBoundsOnClick: false, showCoverageOnHover: false,
    spiderfyOnMaxZoom: false, spiderfyDistanceMultiplier: 1.7, animate: false,
    iconCreateFunction: clusterIcon, clusterPane: "markerPane",
  }).addTo(state.map);
  state.eventLayer.on("clusterclick", (e) => e.layer.spiderfy());
  state.map.on("zoomend", declutterControlLabels);
  state.map.on("moveend", () => {
    drawList();
    drawReference().catch((error) => showBanner(`Could not load towns: ${error.message}`));
  });
}

function isDated(event) { return Boolean(event.date_start || event.date_end); }

function eventVisible(event) {
  if (state.hiddenTypes.has(event.event_type)) return false;
  if (!isDated(event)) return document.getElementById("undated").checked;
  const start = parseDay(event.date_start || event.date_end);
  const end = parseDay(event.date_end || event.date_start);
  const day = parseDay(state.day);
  const windowDays = Number(document.getElementById("window").value || 0);
  if (start > day) return false;
  return !windowDays || end >= day - windowDays * DAY_MS;
}

function eventMarker(event) {
  const rejected = event.review === "rejected";
  const dated = isDated(event);
  const marker = L.circleMarker([event.lat, event.lon], {
    radius: eventRadius(event.fatalities), color: dated ? "#212121" : "#000000", weight: dated ? 1 : 2,
    fillColor: eventColour(event.event_type), fillOpacity: rejected ? 0.2 : dated ? 0.75 : 0.35,
    dashArray: dated ? null : "4 3", className: "event-marker", pane: "events", eventType: event.event_type, eventId: event.id,
    bubblingMouseEvents: false,  // a click on a spread event must not reach the map, which closes the spread
  });
  marker.bindTooltip(el("span", {}, `${event.event_type} — ${event.location || "?"}` +
    (dated ? ` — ${event.date_start || event.date_end}` : " — undated")));
  marker.on("click", () => showEvent(event.id));
  marker.on("add", () => Object.assign(marker.getElement().dataset, {
    eventId: event.id, type: event.event_type, dated: String(dated), placeKey: event.place_key || ""}));
  return marker;
}

function drawEvents() {
  state.shown = state.events.filter(eventVisible);
  state.markers = new Map();
  const markers = state.shown.filter((e) => e.lat !== null && e.lon !== null).map((e) => {
    const marker = eventMarker(e);
    state.markers.set(e.id, marker);
    return marker;
  });
  state.eventLayer.clearLayers();
  state.eventLayer.addLayers(markers);
  drawList();
  const undated = state.events.filter((e) => !isDated(e)).length;
  document.getElementById("undated-count").textContent = `(${undated})`;
  document.getElementById("counts").textContent = `${state.shown.length} of ${state.events.length} events`;
}

function inView(event) {
  return event.lat !== null && event.lon !== null && state.map.getBounds().contains([event.lat, event.lon]);
}

const COLUMNS = [
  ["date", "Date", (e) => e.date_start || e.date_end || ""],
  ["type", "Type", (e) => e.event_type],
  ["place", "Place", (e) => e.location || ""],
  ["deaths", "Dead", (e) => e.fatalities ?? -1, "fatalities (the lowest any source gives)"],
  ["sources", "Src", (e) => e.sources.length, "number of sources"],
];

function sortedRows(events) {
  const [, , value] = COLUMNS.find(([key]) => key === state.sort.key);
  const sign = state.sort.descending ? -1 : 1;
  return [...events].sort((a, b) => {
    const x = value(a), y = value(b);
    return x < y ? -sign : x > y ? sign : 0;
  });
}

function headerCell([key, label, , title]) {
  const arrow = state.sort.key === key ? (state.sort.descending ? " ▼" : " ▲") : "";
  const sortBy = () => {
    state.sort = {key, descending: state.sort.key === key ? !state.sort.descending : key !== "place" && key !== "type"};
    drawList();
  };
  return el("th", {scope: "col", title: title || label}, el("button", {class: "link", onclick: sortBy}, label + arrow));
}

function eventRow(event) {
  const dated = isDated(event);
  const range = dated ? [event.date_start, event.date_end].filter(Boolean).filter((d, i, all) => all.indexOf(d) === i) : [];
  const when = dated ? range[0] + (range.length > 1 ? " …" : "") : "undated";
  const swatch = el("span", {class: "swatch"});
  swatch.style.backgroundColor = eventColour(event.event_type);
  const row = el("tr", {dataset: {eventId: event.id}, class: event.id === state.selected ? "selected" : ""},
    el("td", {class: dated ? "when" : "when undated", title: range.join(" … ")}, when),
    el("td", {}, swatch, " ", event.sub_event_type || event.event_type),
    el("td", {}, event.location || "no place"),
    el("td", {class: "number"}, event.fatalities ?? ""),
    el("td", {class: "number"}, event.sources.length));
  row.addEventListener("click", () => showEvent(event.id));
  return row;
}

function drawList() {
  if (!state.map) return;
  const rows = state.shown.filter(inView);
  const placeless = state.shown.filter((e) => e.lat === null || e.lon === null).length;
  const list = document.getElementById("list");
  const caption = `${rows.length} of ${state.shown.length} shown events are in the map's view` +
    (placeless ? ` (${placeless} have no place)` : "");
  list.replaceChildren(el("h2", {}, "Events in view"), el("p", {class: "meta", id: "list-caption"}, caption),
    el("table", {id: "events-table"},
      el("thead", {}, el("tr", {}, ...COLUMNS.map(headerCell))),
      el("tbody", {}, ...sortedRows(rows).map(eventRow))));
}

// The marker itself when it is drawn (alone or spread), else the cluster drawn for it.
// (markercluster's getVisibleParent knows icons only, not circle markers.)
function visibleParent(marker) {
  if (state.map.hasLayer(marker)) return marker;
  let layer = marker.__parent;
  while (layer && !layer._icon) layer = layer.__parent;
  return layer || null;
}

function visibleEventSymbols() {
  const shown = new Set();
  state.eventLayer.eachLayer((marker) => shown.add(visibleParent(marker)));
  shown.delete(null);
  return [...shown].map((layer) => state.map.latLngToContainerPoint(layer.getLatLng()));
}

// ---- reference layer: the gazetteer's towns and villages near the view ----------

function boxesOverlap(a, b) { return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom; }
function near(a, b, pixels) { return Math.abs(a.x - b.x) < pixels && Math.abs(a.y - b.y) < pixels; }
function spelling(name) { return name.toLowerCase().replace(/[^a-z]/g, ""); }  // Mong Mit = Mongmit

async function drawReference() {
  const request = ++state.referenceRequest;
  if (!document.getElementById("towns").checked) {
    state.referenceLayer.clearLayers();
    return;
  }
  const b = state.map.getBounds();
  const zoom = Math.round(state.map.getZoom());
  const query = new URLSearchParams({south: b.getSouth(), west: b.getWest(), north: b.getNorth(), east: b.getEast(), zoom});
  const status = document.getElementById("towns-status");
  const slow = setTimeout(() => { status.textContent = "(loading: the first time takes a while)"; }, 1000);
  const data = await getJSON(`/api/reference/places?${query}`).finally(() => clearTimeout(slow));
  if (request !== state.referenceRequest) return;  // the map moved on meanwhile
  status.textContent = data.error ? "(unavailable)" : "";
  status.title = data.error || "";
  state.referenceLayer.clearLayers();
  const point = (lat, lon) => state.map.latLngToContainerPoint([lat, lon]);
  // the data's own symbols: a town label beside one starts past its edge, not under it
  const towns = state.control.filter((r) => r.lat !== null).map((r) => ({...point(r.lat, r.lon), name: spelling(r.place)}));
  const symbols = [...visibleEventSymbols(), ...towns];
  const origin = state.map.getContainer().getBoundingClientRect();
  const taken = [...document.querySelectorAll(".control-label:not(.crowded)")].map((label) => {
    const r = label.getBoundingClientRect();
    return {left: r.left - origin.left, right: r.right - origin.left, top: r.top - origin.top, bottom: r.bottom - origin.top};
  });
  for (const place of data.places) {
    const at = point(place.lat, place.lon);
    // a control ring is labelled already (in the spelling the articles use)
    if (towns.some((p) => near(p, at, 25) || (p.name === spelling(place.name) && near(p, at, 80)))) continue;
    const covered = symbols.some((p) => near(p, at, 22));
    const left = at.x + (covered ? 22 : -4);
    const box = {left, right: left + 16 + 6.5 * place.name.length, top: at.y - 8, bottom: at.y + 8};
    if (taken.some((other) => boxesOverlap(box, other))) continue;  // no overlapping labels
    taken.push(box);
    const label = el("div", {class: `ref-place ref-${place.kind.replace(/\W+/g, "-")}${covered ? " covered" : ""}`, dataset: {name: place.name, kind: place.kind}},
      el("span", {class: "ref-dot"}), el("span", {class: "ref-name"}, place.name));
    L.marker([place.lat, place.lon], {
      icon: L.divIcon({html: label, className: "", iconSize: null, iconAnchor: covered ? [-22, 6] : [3, 3]}),
      pane: "reference", interactive: false, keyboard: false,
    }).addTo(state.referenceLayer);
  }
  document.body.dataset.referenceZoom = String(zoom);
  document.body.dataset.referencePlaces = String(state.referenceLayer.getLayers().length);
}

function controlIcon(row) {
  const holding = row.holding || {};
  const badge = el("span", {class: "control-badge"});
  badge.style.borderColor = holderColour(holding.holder);  // a ring: events inside stay visible
  if (holding.contested) badge.classList.add("contested");
  if (holding.inferred) badge.classList.add("inferred");
  const label = el("span", {class: "control-label"}, row.place + (holding.contested ? " (contested)" : ""));
  const node = el("div", {class: "control-icon", dataset: {
    place: row.place, placeKey: row.place_key, holder: holding.holder || "", contested: String(Boolean(holding.contested)),
  }}, badge, label);
  return L.divIcon({html: node, className: "", iconSize: null, iconAnchor: [13, 13]});
}

async function drawControl() {
  const request = ++state.controlRequest;
  const rows = await getJSON(`/api/control?at=${encodeURIComponent(state.day)}`);
  if (request !== state.controlRequest) return;  // a later slider move superseded this one
  state.control = rows;
  state.controlLayer.clearLayers();
  // one ring per town: rows are keyed on place_key, as the events are (every spelling of
  // a town is one key, drawn at one point); a key seen twice keeps its first row
  const drawn = new Set();
  for (const row of rows) {
    if (row.lat === null || row.lon === null || drawn.has(row.place_key)) continue;
    drawn.add(row.place_key);
    const marker = L.marker([row.lat, row.lon], {icon: controlIcon(row), pane: "control", title: row.place});
    marker.on("click", () => showControl(row.place_key));
    marker.steps = row.steps.length;
    marker.addTo(state.controlLayer);
  }
  declutterControlLabels();
  document.body.dataset.controlDay = state.day;
  await drawReference();  // town labels make way for the control labels just drawn
}

// Where town names would overlap, the town with the longest timeline keeps its name; the
// others keep their ring (its tooltip and click still name the town).
function declutterControlLabels() {
  const kept = [];
  const markers = state.controlLayer.getLayers().sort((a, b) => b.steps - a.steps);
  for (const marker of markers) {
    const label = marker.getElement() && marker.getElement().querySelector(".control-label");
    if (!label) continue;
    label.classList.remove("crowded");
    const box = label.getBoundingClientRect();
    if (kept.some((other) => boxesOverlap(box, other))) label.classList.add("crowded");
    else kept.push(box);
  }
}

function drawLegend() {
  const legend = document.getElementById("legend");
  const row = (swatch, text) => el("div", {class: "legend-row"}, swatch, text);
  const dot = (colour) => { const s = el("span", {class: "swatch"}); s.style.backgroundColor = colour; return s; };
  const ring = (colour, cls) => { const s = el("span", {class: `swatch ring ${cls || ""}`}); s.style.borderColor = colour; return s; };
  const typeFilter = ([type, colour]) => {
    const box = el("input", {type: "checkbox", class: "type-filter", dataset: {type}, "aria-label": `Show ${type}`});
    box.checked = !state.hiddenTypes.has(type);
    box.addEventListener("change", () => {
      if (box.checked) state.hiddenTypes.delete(type); else state.hiddenTypes.add(type);
      drawEvents();
    });
    return el("label", {class: "legend-row"}, box, dot(colour), type);
  };
  legend.replaceChildren(el("h2", {}, "Event types (size: fatalities; untick to hide)"),
    el("div", {class: "legend-types"}, ...Object.entries(EVENT_COLOURS).map(typeFilter)),
    row(el("span", {class: "swatch undated-swatch"}), "dashed, pale: undated (shown with the “undated events” box)"),
    row(el("span", {class: "swatch cluster-swatch"}, "3"), "events at one place: click to spread them"),
    el("h2", {}, "Holder at the date"),
    ...[...state.holderColours].map(([holder, colour]) => row(ring(colour), holder)),
    row(ring(UNKNOWN_COLOUR), "holder unknown"),
    row(ring("#616161", "contested"), "dashed: contested (battles since the last change)"));
}

// ---- detail panel ------------------------------------------------------------

function field(name, value) {
  return value === null || value === undefined || value === "" ? null : el("div", {class: "meta"}, `${name}: ${value}`);
}

// "2024-07-16" for one day, "2024-07-01 … 2024-07-31" for a span
function daySpan(d) {
  return d.date_end && d.date_end !== d.date_start ? `${d.date_start || "?"} … ${d.date_end}` : (d.date_start || d.date_end || "undated");
}

function sourceBlock(source) {
  const heading = [source.source, source.title || source.file, source.published].filter(Boolean).join(" · ")
    || source.document_id;
  const link = source.url && /^https?:\/\//.test(source.url) ? el("a", {href: source.url, rel: "noreferrer noopener", target: "_blank"}, "link") : null;
  return el("div", {class: "source"},
    el("div", {class: "meta"}, heading, " ", link),
    field("status", source.status), field("according to", source.claimant),
    field("fatalities in this source", source.fatalities),
    field("dated in this source", source.date_start || source.date_end
      ? daySpan(source) + (source.date_text ? ` (“${source.date_text}”)` : "") : null),
    ...source.evidence.map((sentence) => el("blockquote", {class: "evidence"}, sentence)));
}

function showEvent(id) {
  const event = state.events.find((e) => e.id === id || e.member_ids.includes(id));
  if (!event) return;
  state.selected = event.id;
  drawList();
  const verdict = event.review ? el("div", {class: `verdict-${event.review}`, id: "verdict"}, event.review) : null;
  const detail = document.getElementById("detail");
  detail.dataset.eventId = event.id;
  detail.replaceChildren(...present([
    el("h2", {}, `${event.event_type} — ${event.sub_event_type || ""}`), verdict,
    field("extracted type", event.extracted_event_type !== event.event_type ? event.extracted_event_type : null),
    field("where", event.location), field("note", event.place_note),
    field("extracted place", event.extracted_location !== event.location ? event.extracted_location : null),
    field("when", [event.date_start, event.date_end].filter(Boolean).join(" … ") + (event.date_text ? ` (“${event.date_text}”)` : "")),
    field("actors", [event.actor1, event.actor2].filter(Boolean).join(" vs ")),
    field("fatalities (lowest reported)", event.fatalities),
    event.date_disputed ? el("div", {class: "meta date-disputed", id: "date-disputed"},
      "date disputed: " + event.reported_dates.map((d) => `${daySpan(d)} (${d.source || d.document_id})`).join(" vs ")) : null,
    el("h2", {}, `Sources (${event.sources.length})`), ...event.sources.map(sourceBlock),
    reviewForm(event), reviewHistory(event)]));
}

function reviewForm(event) {
  const typeSelect = el("select", {id: "correct-type", "aria-label": "Corrected event type"},
    ...state.config.event_types.map((t) => el("option", {value: t}, t)));
  typeSelect.value = event.event_type;
  const placeInput = el("input", {id: "correct-place", type: "text", placeholder: "place name", "aria-label": "Corrected place"});
  const message = el("div", {class: "error", id: "review-error"});
  const send = (action, value) => submitReview(event.id, action, value, message);
  return el("div", {},
    el("h2", {}, "Review"),
    el("div", {class: "review-form"},
      el("button", {id: "confirm", onclick: () => send("confirm")}, "Confirm"),
      el("button", {id: "reject", onclick: () => send("reject")}, "Reject"),
      typeSelect, el("button", {id: "send-type", onclick: () => send("correct_type", typeSelect.value)}, "Correct type"),
      placeInput, el("button", {id: "send-place", onclick: () => send("correct_place", placeInput.value)}, "Correct place")),
    message);
}

function reviewHistory(event) {
  if (!event.reviews.length) return null;
  return el("div", {id: "review-history"}, el("h2", {}, "Reviews"),
    el("ul", {}, ...event.reviews.map((r) => el("li", {}, `${r.created}: ${r.action}${r.value ? " → " + r.value : ""}`))));
}

async function submitReview(id, action, value, message) {
  message.textContent = "";
  try {
    const updated = await postJSON(`/api/events/${encodeURIComponent(id)}/reviews`, {action, value});
    state.events = state.events.map((e) => (e.id === updated.id ? updated : e));
    drawEvents();
    showEvent(updated.id);
  } catch (error) {
    message.textContent = String(error.message || error);
  }
}

// ``which``: a town's place_key (a ring's click), or its name (a contradiction's link)
function showControl(which) {
  const row = state.control.find((r) => r.place_key === which) || state.control.find((r) => r.place === which);
  if (!row) return;
  const holding = row.holding || {};
  const steps = row.steps.map((step) => el("div", {class: "source"},
    el("div", {}, `${step.date_start || "undated"}: ${step.how} by ${step.to}` + (step.from ? ` from ${step.from}` : "")),
    field("status", step.status + (step.factual ? "" : " (does not change control)")),
    field("source", [step.source, step.title || step.file].filter(Boolean).join(" · ")),
    ...step.evidence.map((sentence) => el("blockquote", {class: "evidence"}, sentence))));
  delete document.getElementById("detail").dataset.eventId;
  document.getElementById("detail").replaceChildren(...present([
    el("h2", {}, row.place),
    el("div", {id: "holder"}, `On ${state.day}: ${holding.holder || "unknown"}`
      + (holding.contested ? " (contested)" : "") + (holding.inferred ? " (inferred: held before the first reported change)" : "")),
    el("h2", {}, "Control timeline"), ...steps]));
}

function conflictLine(conflict) {
  if (conflict.kind === "fatalities") {
    const counts = conflict.values.map((v) => `${v.fatalities} (${v.source || v.document_id})`).join(" vs ");
    return el("li", {}, el("button", {class: "link", onclick: () => showEvent(conflict.event_id)},
      `${conflict.location || "?"}, ${conflict.event_type}: fatalities ${counts}`));
  }
  if (conflict.kind === "date") {  // each report's date with its source, linked to the event or town
    const dates = conflict.values.map((v) => `${v.value} (${v.label || v.source || v.title || v.document})`).join(" vs ");
    const open = conflict.event_id ? () => showEvent(conflict.event_id) : () => showControl(conflict.place_key);
    return el("li", {class: "date-conflict", title: conflict.values.map((v) => v.evidence).join("\n")},
      el("button", {class: "link", onclick: open},
        `${conflict.date_disputed ? "Date disputed — " : ""}${conflict.what}: ${dates}`));
  }
  if (conflict.kind !== "control") {  // e.g. distances: each value with its source
    const stated = conflict.values.map((v) => `${v.value} (${v.source || v.title || v.document})`).join(" vs ");
    return el("li", {title: conflict.values.map((v) => v.evidence).join("\n")}, `${conflict.what}: ${stated}`);
  }
  const takers = conflict.values.map((v) => `${v.to} ${v.date_start} (${v.source || v.document_id})`).join(" vs ");
  return el("li", {}, el("button", {class: "link", onclick: () => showControl(conflict.place)},
    `${conflict.place}: taken by ${takers}`));
}

function drawConflicts(conflicts) {
  const section = document.getElementById("conflicts");
  section.replaceChildren(el("h2", {}, `Sources disagree (${conflicts.length})`),
    el("ul", {}, ...conflicts.map(conflictLine)));
}

// ---- date controls -------------------------------------------------------------

function setDay(iso) {
  state.day = iso;
  document.getElementById("slider").value = String(dayIndex(iso));
  document.getElementById("day").value = iso;
  drawEvents();
  drawControl().catch((error) => showBanner(`Could not load control: ${error.message}`));
}

function setUpDates(range) {
  const today = isoDay(Date.now());
  state.first = parseDay(range.min || today);
  state.days = Math.max(0, dayIndex(range.max || today));
  const slider = document.getElementById("slider");
  slider.max = String(state.days);
  slider.addEventListener("input", () => setDay(dayAt(Number(slider.value))));
  const dayInput = document.getElementById("day");
  dayInput.min = dayAt(0);
  dayInput.max = dayAt(state.days);
  dayInput.addEventListener("change", () => {
    if (!dayInput.value) return;
    setDay(dayAt(Math.min(state.days, Math.max(0, dayIndex(dayInput.value)))));
  });
  document.getElementById("window").addEventListener("change", drawEvents);
  document.getElementById("undated").addEventListener("change", drawEvents);
  document.getElementById("towns").addEventListener("change", () => drawReference());
}

// The server picks the box (the densest group of events, its central 90%: see web/extent.py)
function fitToData(extent) {
  if (!extent.bounds) return;
  state.map.fitBounds(L.latLngBounds(extent.bounds).pad(0.15), {maxZoom: 10, animate: false});
  if (extent.outside) {
    state.map.attributionControl.addAttribution(`${extent.outside} located event(s) lie outside the opening view`);
  }
}

async function main() {
  state.config = await getJSON("/api/config");
  if (state.config.vendor_missing.length) {
    showBanner(`Map assets missing (${state.config.vendor_missing.join(", ")}): run dev/setup.`);
  }
  setUpMap();
  const [range, extent, events, control, conflicts] = await Promise.all([
    getJSON("/api/range"), getJSON("/api/extent"), getJSON("/api/events"), getJSON("/api/control"),
    getJSON("/api/contradictions"), drawBasemap(),
  ]);
  drawConflicts(conflicts);
  state.events = events;
  state.control = control;
  assignHolderColours(control);
  drawLegend();
  setUpDates(range);
  fitToData(extent);
  setDay(dayAt(state.days));  // draws control, then the towns
  document.body.dataset.ready = "true";
}

main().catch((error) => showBanner(`The map could not load: ${error.message || error}`));
