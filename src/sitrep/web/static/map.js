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
  config: null, map: null, eventLayer: null, controlLayer: null,
  events: [], control: [], holderColours: new Map(),
  first: null, days: 0, day: null, selected: null, controlRequest: 0,
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

function eventRadius(fatalities) { return 6 + 3 * Math.sqrt(fatalities || 0); }

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

function setUpMap() {
  state.map = L.map("map", {worldCopyJump: true, zoomSnap: 0.5}).setView([20, 0], 2);
  if (state.config.tiles) {
    L.tileLayer(state.config.tiles, {maxZoom: 18}).addTo(state.map);
  }
  state.map.attributionControl.addAttribution("Basemap: Natural Earth via world-atlas");
  // country shapes at the bottom (with tiles); towns below the event circles, so that
  // an event in a town stays clickable
  state.map.createPane("basemap").style.zIndex = "250";
  state.map.createPane("control").style.zIndex = "350";
  state.controlLayer = L.layerGroup().addTo(state.map);
  state.eventLayer = L.layerGroup().addTo(state.map);
}

function eventVisible(event) {
  if (!event.date_start && !event.date_end) return true;
  const start = parseDay(event.date_start || event.date_end);
  const end = parseDay(event.date_end || event.date_start);
  const day = parseDay(state.day);
  const windowDays = Number(document.getElementById("window").value || 0);
  if (start > day) return false;
  return !windowDays || end >= day - windowDays * DAY_MS;
}

function drawEvents() {
  state.eventLayer.clearLayers();
  const shown = state.events.filter(eventVisible);
  for (const event of shown) {
    if (event.lat === null || event.lon === null) continue;
    const rejected = event.review === "rejected";
    const marker = L.circleMarker([event.lat, event.lon], {
      radius: eventRadius(event.fatalities), color: "#212121", weight: 1,
      fillColor: eventColour(event.event_type), fillOpacity: rejected ? 0.2 : 0.65,
      dashArray: event.date_start ? null : "3 3", className: "event-marker",
    });
    marker.bindTooltip(el("span", {}, `${event.event_type} — ${event.location || "?"}`));
    marker.on("click", () => showEvent(event.id));
    marker.addTo(state.eventLayer);
    Object.assign(marker.getElement().dataset, {eventId: event.id, type: event.event_type});
  }
  drawList(shown);
  document.getElementById("counts").textContent = `${shown.length} of ${state.events.length} events`;
}

function drawList(shown) {
  const list = document.getElementById("list");
  list.replaceChildren(el("h2", {}, "Events shown"));
  const items = shown.map((event) => el("li", {dataset: {eventId: event.id}},
    el("button", {class: "link", onclick: () => showEvent(event.id)},
      `${event.date_start || "undated"} · ${event.event_type} · ${event.location || "no place"}`)));
  list.append(el("ul", {}, ...items));
}

function controlIcon(row) {
  const holding = row.holding || {};
  const badge = el("span", {class: "control-badge"});
  badge.style.borderColor = holderColour(holding.holder);  // a ring: events inside stay visible
  if (holding.contested) badge.classList.add("contested");
  if (holding.inferred) badge.classList.add("inferred");
  const label = el("span", {class: "control-label"}, row.place + (holding.contested ? " (contested)" : ""));
  const node = el("div", {class: "control-icon", dataset: {
    place: row.place, holder: holding.holder || "", contested: String(Boolean(holding.contested)),
  }}, badge, label);
  return L.divIcon({html: node, className: "", iconSize: null, iconAnchor: [13, 13]});
}

async function drawControl() {
  const request = ++state.controlRequest;
  const rows = await getJSON(`/api/control?at=${encodeURIComponent(state.day)}`);
  if (request !== state.controlRequest) return;  // a later slider move superseded this one
  state.control = rows;
  state.controlLayer.clearLayers();
  for (const row of rows) {
    if (row.lat === null || row.lon === null) continue;
    const marker = L.marker([row.lat, row.lon], {icon: controlIcon(row), pane: "control", title: row.place});
    marker.on("click", () => showControl(row.place));
    marker.addTo(state.controlLayer);
  }
  document.body.dataset.controlDay = state.day;
}

function drawLegend() {
  const legend = document.getElementById("legend");
  const row = (swatch, text) => el("div", {class: "legend-row"}, swatch, text);
  const dot = (colour) => { const s = el("span", {class: "swatch"}); s.style.backgroundColor = colour; return s; };
  const ring = (colour, cls) => { const s = el("span", {class: `swatch ring ${cls || ""}`}); s.style.borderColor = colour; return s; };
  legend.replaceChildren(el("h2", {}, "Event types (size: fatalities)"),
    ...Object.entries(EVENT_COLOURS).map(([type, colour]) => row(dot(colour), type)),
    el("h2", {}, "Holder at the date"),
    ...[...state.holderColours].map(([holder, colour]) => row(ring(colour), holder)),
    row(ring(UNKNOWN_COLOUR), "holder unknown"),
    row(ring("#616161", "contested"), "dashed: contested (battles since the last change)"));
}

// ---- detail panel ------------------------------------------------------------

function field(name, value) {
  return value === null || value === undefined || value === "" ? null : el("div", {class: "meta"}, `${name}: ${value}`);
}

function sourceBlock(source) {
  const heading = [source.source, source.title || source.file, source.published].filter(Boolean).join(" · ")
    || source.document_id;
  const link = source.url && /^https?:\/\//.test(source.url) ? el("a", {href: source.url, rel: "noreferrer noopener", target: "_blank"}, "link") : null;
  return el("div", {class: "source"},
    el("div", {class: "meta"}, heading, " ", link),
    field("status", source.status), field("according to", source.claimant),
    field("fatalities in this source", source.fatalities),
    ...source.evidence.map((sentence) => el("blockquote", {class: "evidence"}, sentence)));
}

function showEvent(id) {
  const event = state.events.find((e) => e.id === id || e.member_ids.includes(id));
  if (!event) return;
  state.selected = event.id;
  const verdict = event.review ? el("div", {class: `verdict-${event.review}`, id: "verdict"}, event.review) : null;
  const detail = document.getElementById("detail");
  detail.replaceChildren(...present([
    el("h2", {}, `${event.event_type} — ${event.sub_event_type || ""}`), verdict,
    field("extracted type", event.extracted_event_type !== event.event_type ? event.extracted_event_type : null),
    field("where", event.location), field("note", event.place_note),
    field("extracted place", event.extracted_location !== event.location ? event.extracted_location : null),
    field("when", [event.date_start, event.date_end].filter(Boolean).join(" … ") + (event.date_text ? ` (“${event.date_text}”)` : "")),
    field("actors", [event.actor1, event.actor2].filter(Boolean).join(" vs ")),
    field("fatalities (lowest reported)", event.fatalities),
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

function showControl(place) {
  const row = state.control.find((r) => r.place === place);
  if (!row) return;
  const holding = row.holding || {};
  const steps = row.steps.map((step) => el("div", {class: "source"},
    el("div", {}, `${step.date_start || "undated"}: ${step.how} by ${step.to}` + (step.from ? ` from ${step.from}` : "")),
    field("status", step.status + (step.factual ? "" : " (does not change control)")),
    field("source", [step.source, step.title || step.file].filter(Boolean).join(" · ")),
    ...step.evidence.map((sentence) => el("blockquote", {class: "evidence"}, sentence))));
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
}

function fitToData() {
  const points = [
    ...state.events.filter((e) => e.lat !== null).map((e) => [e.lat, e.lon]),
    ...state.control.filter((r) => r.lat !== null).map((r) => [r.lat, r.lon]),
  ];
  if (points.length) state.map.fitBounds(L.latLngBounds(points).pad(0.3), {maxZoom: 7});
}

async function main() {
  state.config = await getJSON("/api/config");
  if (state.config.vendor_missing.length) {
    showBanner(`Map assets missing (${state.config.vendor_missing.join(", ")}): run dev/setup.`);
  }
  setUpMap();
  const [range, events, control, conflicts] = await Promise.all([
    getJSON("/api/range"), getJSON("/api/events"), getJSON("/api/control"),
    getJSON("/api/contradictions"), drawBasemap(),
  ]);
  drawConflicts(conflicts);
  state.events = events;
  state.control = control;
  assignHolderColours(control);
  drawLegend();
  setUpDates(range);
  fitToData();
  setDay(dayAt(state.days));
  document.body.dataset.ready = "true";
}

main().catch((error) => showBanner(`The map could not load: ${error.message}`));
