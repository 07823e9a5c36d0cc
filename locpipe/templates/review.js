(function () {
  "use strict";
  // Filters live in the URL hash (#kind=culture,idiom&sev=1&q=haggis) so a filtered view can be
  // bookmarked, shared, and opened by tests; the page reads it on load and writes it on change.
  var form = document.getElementById("toolbar");
  var rows = Array.prototype.slice.call(document.querySelectorAll("tr.row"));
  var shown = document.getElementById("shown");
  var search = document.getElementById("q");
  var sev = document.getElementById("sev");
  var boxes = Array.prototype.slice.call(form.querySelectorAll("input[name=kind]"));
  var RANK = { critical: 0, functional: 1, cosmetic: 2, info: 3 };
  var texts = rows.map(function (row) { return row.textContent.toLowerCase(); });

  function readHash() {
    var state = { kinds: [], sev: "", q: "" };
    var hash = window.location.hash.replace(/^#/, "");
    hash.split("&").forEach(function (pair) {
      if (!pair) { return; }
      var i = pair.indexOf("=");
      var key = decodeURIComponent(i < 0 ? pair : pair.slice(0, i));
      var value = i < 0 ? "" : decodeURIComponent(pair.slice(i + 1).replace(/\+/g, " "));
      if (key === "kind") { state.kinds = value.split(",").filter(Boolean); }
      else if (key === "sev") { state.sev = value; }
      else if (key === "q") { state.q = value; }
    });
    return state;
  }

  function writeHash(state) {
    var parts = [];
    if (state.kinds.length) { parts.push("kind=" + encodeURIComponent(state.kinds.join(","))); }
    if (state.sev) { parts.push("sev=" + encodeURIComponent(state.sev)); }
    if (state.q) { parts.push("q=" + encodeURIComponent(state.q)); }
    var hash = parts.length ? "#" + parts.join("&") : "";
    if (hash !== window.location.hash && window.history && window.history.replaceState) {
      try { window.history.replaceState(null, "", hash || window.location.pathname + window.location.search); }
      catch (e) { /* file:// in some browsers */ }
    }
  }

  function current() {
    return {
      kinds: boxes.filter(function (b) { return b.checked; }).map(function (b) { return b.value; }),
      sev: sev.value,
      q: search.value.trim()
    };
  }

  function apply(state) {
    var wanted = state.kinds;
    var limit = Object.prototype.hasOwnProperty.call(RANK, state.sev) ? RANK[state.sev] : null;
    var needle = state.q.toLowerCase();
    var count = 0;
    rows.forEach(function (row, i) {
      var kinds = (row.getAttribute("data-kinds") || "").split(" ").filter(Boolean);
      var ok = true;
      if (wanted.length) {
        ok = wanted.some(function (k) { return kinds.indexOf(k) >= 0; });
      }
      if (ok && limit !== null) {
        var rank = parseInt(row.getAttribute("data-sev"), 10);
        ok = !isNaN(rank) && rank <= limit;
      }
      if (ok && needle) { ok = texts[i].indexOf(needle) >= 0; }
      row.hidden = !ok;
      if (ok) { count += 1; }
    });
    shown.textContent = count + " of " + rows.length + " rows";
    document.body.setAttribute("data-filtered", wanted.length || limit !== null || needle ? "yes" : "no");
  }

  function setControls(state) {
    boxes.forEach(function (b) { b.checked = state.kinds.indexOf(b.value) >= 0; });
    sev.value = state.sev;
    if (sev.value !== state.sev) { sev.value = ""; }
    search.value = state.q;
  }

  function update() {
    var state = current();
    apply(state);
    writeHash(state);
  }

  form.addEventListener("change", update);
  form.addEventListener("input", update);
  form.addEventListener("submit", function (e) { e.preventDefault(); update(); });
  window.addEventListener("hashchange", function () { var s = readHash(); setControls(s); apply(s); });

  function visible() { return rows.filter(function (r) { return !r.hidden; }); }

  function move(step) {
    var list = visible();
    if (!list.length) { return; }
    var at = list.indexOf(document.activeElement);
    var next = at < 0 ? (step > 0 ? 0 : list.length - 1) : Math.min(list.length - 1, Math.max(0, at + step));
    list[next].focus();
    list[next].scrollIntoView({ block: "nearest" });
  }

  document.addEventListener("keydown", function (e) {
    var tag = (e.target && e.target.tagName) || "";
    var typing = tag === "INPUT" || tag === "SELECT" || tag === "TEXTAREA" || (e.target && e.target.isContentEditable);
    if (e.key === "Escape") {
      if (typing && e.target.blur) { e.target.blur(); }
      if (tag === "INPUT" && e.target === search && search.value) { search.value = ""; update(); }
      return;
    }
    if (typing || e.altKey || e.ctrlKey || e.metaKey) { return; }
    if (e.key === "j" || e.key === "ArrowDown") { e.preventDefault(); move(1); }
    else if (e.key === "k" || e.key === "ArrowUp") { e.preventDefault(); move(-1); }
    else if (e.key === "/") { e.preventDefault(); search.focus(); }
  });

  var initial = readHash();
  setControls(initial);
  apply(initial);
  document.body.setAttribute("data-ready", "yes");
})();
