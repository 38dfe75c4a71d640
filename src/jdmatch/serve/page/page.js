"use strict";
(function () {
  var TOKEN_KEY = "jdmatch.token";
  var $ = function (id) { return document.getElementById(id); };
  var pendingRetry = null;
  var comparedWith = "";

  // -- the token: asked once, kept for this tab only ---------------------------------------
  function token() { try { return sessionStorage.getItem(TOKEN_KEY) || ""; } catch (e) { return ""; } }
  function headers() { var t = token(); return t ? { "Authorization": "Bearer " + t } : {}; }
  function askToken(message) {
    $("token-box").hidden = false;
    var err = $("token-error");
    err.hidden = !message; err.textContent = message || "";
    $("token").focus();
  }
  $("token-form").addEventListener("submit", function (ev) {
    ev.preventDefault();
    var value = $("token").value.trim();
    if (!value) { askToken("Enter the token the server was started with."); return; }
    try { sessionStorage.setItem(TOKEN_KEY, value); } catch (e) { /* private mode: ask again next time */ }
    $("token").value = "";
    $("token-box").hidden = true;
    var retry = pendingRetry; pendingRetry = null;
    loadProfiles();
    if (retry) retry();
  });

  function api(path, options) {
    options = options || {};
    options.headers = Object.assign({}, options.headers || {}, headers());
    options.credentials = "omit";
    options.cache = "no-store";
    return fetch(path, options).then(function (resp) {
      return resp.text().then(function (text) {
        var data = null;
        try { data = text ? JSON.parse(text) : null; } catch (e) { data = null; }
        return { status: resp.status, ok: resp.ok, data: data };
      });
    });
  }

  // -- profiles and version ------------------------------------------------------------------
  function loadProfiles() {
    api("/v1/profiles").then(function (r) {
      if (r.status === 401) { askToken(token() ? "The server did not accept that token." : ""); return; }
      if (!r.ok || !Array.isArray(r.data)) return;
      var select = $("profile");
      while (select.firstChild) select.removeChild(select.firstChild);
      r.data.forEach(function (p) {
        var opt = document.createElement("option");
        opt.value = String(p.id);
        opt.textContent = (p.title || p.id) + (p.skills ? " (" + p.skills + " skills)" : "");
        if (p.id === "backend-engineer") opt.selected = true;
        select.appendChild(opt);
      });
      api("/v1/version").then(function (v) { if (v.ok && v.data) $("version").textContent = String(v.data.jdmatch || ""); });
    }).catch(function () { /* the server is gone; scoring will say so */ });
  }

  // -- the form --------------------------------------------------------------------------
  function against() { return $("against-profile").checked ? "profile" : "posting"; }
  function syncAgainst() {
    var profile = against() === "profile";
    $("posting-part").hidden = profile;
    $("profile-part").hidden = !profile;
  }
  $("against-posting").addEventListener("change", syncAgainst);
  $("against-profile").addEventListener("change", syncAgainst);

  function showName(input, target) {
    var f = input.files && input.files[0];
    $(target).textContent = f ? f.name + " (" + Math.max(1, Math.round(f.size / 1024)) + " KiB)" : "";
  }
  $("resume").addEventListener("change", function () { showName($("resume"), "resume-name"); });
  $("posting-file").addEventListener("change", function () { showName($("posting-file"), "posting-name"); });

  function dropInto(zone, input, nameTarget, onText) {
    zone.addEventListener("dragover", function (ev) { ev.preventDefault(); zone.classList.add("over"); });
    zone.addEventListener("dragleave", function () { zone.classList.remove("over"); });
    zone.addEventListener("drop", function (ev) {
      ev.preventDefault(); zone.classList.remove("over");
      var dt = ev.dataTransfer;
      if (dt && dt.files && dt.files.length) {
        input.files = dt.files;
        showName(input, nameTarget);
      } else if (onText && dt) {
        onText(dt.getData("text/plain"));
      }
    });
  }
  dropInto($("resume-drop"), $("resume"), "resume-name", null);
  dropInto($("posting"), $("posting-file"), "posting-name", function (text) { $("posting").value = text; });

  $("clear").addEventListener("click", function () {
    $("form").reset(); $("resume-name").textContent = ""; $("posting-name").textContent = "";
    $("result").hidden = true; setError(""); setStatus(""); syncAgainst();
  });

  function setStatus(text) { $("status").textContent = text; }
  function setError(text) { var e = $("error"); e.hidden = !text; e.textContent = text; }

  function submit() {
    setError("");
    var resume = $("resume").files && $("resume").files[0];
    if (!resume) { setError("Choose a resume file first."); $("resume").focus(); return; }
    var form = new FormData();
    var path;
    if (against() === "posting") {
      var pfile = $("posting-file").files && $("posting-file").files[0];
      var text = $("posting").value;
      if (!pfile && !text.trim()) { setError("Paste a job posting, drop a posting file, or choose a role profile."); $("posting").focus(); return; }
      form.append("resume", resume, resume.name);
      form.append("posting", pfile || new Blob([text], { type: "text/plain" }), pfile ? pfile.name : "posting.txt");
      path = "/v1/match";
      var first = text.split("\n").map(function (l) { return l.replace(/^[#\s]+/, "").trim(); }).filter(Boolean)[0] || "";
      comparedWith = pfile ? "the job posting " + pfile.name : "the pasted job posting" + (first ? " (" + (first.length > 80 ? first.slice(0, 80) + "..." : first) + ")" : "");
    } else {
      form.append("file", resume, resume.name);
      form.append("profile", $("profile").value);
      path = "/v1/score";
      var sel = $("profile");
      comparedWith = "the profile " + (sel.selectedIndex >= 0 ? sel.options[sel.selectedIndex].textContent : sel.value);
    }
    $("go").disabled = true;
    setStatus("Scoring " + resume.name + "...");
    api(path, { method: "POST", body: form }).then(function (r) {
      $("go").disabled = false;
      if (r.status === 401) {
        setStatus("");
        try { sessionStorage.removeItem(TOKEN_KEY); } catch (e) { /* nothing kept */ }
        pendingRetry = submit;
        askToken(r.data && r.data.error ? "The server needs its token: " + r.data.error : "The server needs its token.");
        return;
      }
      if (!r.ok || !r.data) {
        setStatus("");
        setError(r.data && r.data.error ? r.data.error + " (" + r.status + ")" : "The server answered " + r.status + ".");
        return;
      }
      setStatus("Scored.");
      render(r.data);
    }).catch(function () {
      $("go").disabled = false; setStatus("");
      setError("The jdmatch server cannot be reached. Is it still running?");
    });
  }
  $("form").addEventListener("submit", function (ev) { ev.preventDefault(); submit(); });

  // -- rendering (text only: nothing from a document ever becomes markup) ----------------
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function num(v, d) { var n = Number(v); return isFinite(n) ? n : (d === undefined ? 0 : d); }
  function pct(v) { return Math.round(Math.max(0, Math.min(1, num(v))) * 100) + "%"; }
  function list(v) { return Array.isArray(v) ? v : []; }
  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); return node; }
  function tone(score) { return score >= 65 ? "tone-good" : score >= 40 ? "tone-mid" : "tone-bad"; }
  function scalar(v) {
    if (v === null || v === undefined) return "";
    if (typeof v === "object") { var s = JSON.stringify(v); return s.length > 300 ? s.slice(0, 300) + "..." : s; }
    return String(v);
  }
  function fact(dl, term, value) {
    if (value === null || value === undefined || value === "") return;
    dl.appendChild(el("dt", null, term)); dl.appendChild(el("dd", null, value));
  }
  function fillList(partId, listId, items) {
    var ul = clear($(listId));
    items.forEach(function (t) { ul.appendChild(el("li", null, scalar(t))); });
    $(partId).hidden = items.length === 0;
  }

  var KNOWN = ["source", "profile", "score", "band", "seniority", "years", "as_of", "as_of_source", "gaps", "notes",
               "hedged", "negated", "coverage", "similarity", "cosine", "groups", "matched", "missing", "top_terms",
               "skills", "contrast", "core_coverage", "core_gate", "level_gate",
               "contrast_terms"];
  var MATCHED_KNOWN = ["id", "name", "group", "mentions", "spans", "implied_by", "depth"];

  function render(r) {
    var score = Math.max(0, Math.min(100, num(r.score)));
    $("result-sub").textContent = scalar(r.source) + " against " + (comparedWith || scalar(r.profile || "the profile"));
    $("score-value").textContent = score.toFixed(1);
    var fill = $("score-fill");
    fill.className = tone(score);
    fill.style.width = score.toFixed(1) + "%";
    $("score-bar").setAttribute("aria-label", "score " + score.toFixed(1) + " of 100");
    var band = $("band");
    band.hidden = !r.band; band.textContent = r.band ? "Band: " + scalar(r.band) : "";
    var detail = "coverage " + pct(r.coverage) + " · similarity " + pct(r.similarity);
    if (r.contrast !== undefined && r.contrast !== null) detail += " · role contrast " + pct(r.contrast);
    if (r.core_coverage !== undefined && r.core_coverage !== null) detail += " · core " + pct(r.core_coverage);
    $("score-detail").textContent = detail;

    var facts = clear($("facts"));
    var sen = r.seniority && typeof r.seniority === "object" ? r.seniority : null;
    if (sen && sen.level) fact(facts, "level", scalar(sen.level) + (sen.evidence ? " (" + scalar(sen.evidence) + ")" : ""));
    if (r.years !== undefined && r.years !== null) fact(facts, "years", "about " + num(r.years).toFixed(1) + " years of experience");
    if (r.as_of) fact(facts, "present means", scalar(r.as_of) + (r.as_of_source ? " (" + scalar(r.as_of_source) + ")" : ""));
    fact(facts, "matched", list(r.matched).length + " skills");
    fact(facts, "missing", list(r.missing).length + " skills");

    fillList("gaps-part", "gaps", list(r.gaps));
    fillList("notes-part", "notes", list(r.notes));

    var names = {};
    list(r.matched).forEach(function (m) { if (m && m.id) names[m.id] = m.name || m.id; });
    var groups = clear($("groups"));
    list(r.groups).forEach(function (g) {
      if (!g || typeof g !== "object") return;
      var li = el("li");
      var name = el("span", "name" + (g.core ? " core" : ""), (g.core ? "\u2605 " : "") + scalar(g.name || g.id));
      li.appendChild(name);
      var track = el("span", "bar track");
      track.setAttribute("aria-hidden", "true");
      var bar = el("span");
      bar.style.width = pct(g.coverage);
      bar.className = tone(num(g.coverage) * 100);
      track.appendChild(bar);
      li.appendChild(track);
      li.appendChild(el("span", "pct", pct(g.coverage)));
      var m = list(g.matched);
      if (m.length) li.appendChild(el("span", "matched", "matched: " + m.map(function (id) { return scalar(names[id] || id); }).join(", ")));
      groups.appendChild(li);
    });

    var matched = list(r.matched).filter(function (m) { return m && typeof m === "object"; });
    $("matched-title").textContent = "Matched skills (" + matched.length + ")";
    var mbody = clear($("matched").tBodies[0]);
    matched.forEach(function (m) {
      var tr = el("tr");
      tr.appendChild(el("td", null, scalar(m.name || m.id)));
      tr.appendChild(el("td", "muted", scalar(m.group)));
      var ev = el("td");
      var seen = {};
      list(m.mentions).forEach(function (t) {
        var s = scalar(t);
        if (seen[s] || Object.keys(seen).length >= 4) return;
        seen[s] = true;
        ev.appendChild(el("span", "ev", s.length > 120 ? s.slice(0, 120) + "..." : s));
      });
      if (!list(m.mentions).length && list(m.implied_by).length) ev.appendChild(el("span", "muted", "implied by " + list(m.implied_by).map(scalar).join(", ")));
      if (m.depth && typeof m.depth === "object") {
        var d = m.depth.summary ? scalar(m.depth.summary) : Object.keys(m.depth).map(function (k) { return k + " " + scalar(m.depth[k]); }).join(", ");
        if (d) ev.appendChild(el("span", "depth", d));
      } else if (m.depth !== undefined && m.depth !== null) {
        ev.appendChild(el("span", "depth", "depth " + scalar(m.depth)));
      }
      Object.keys(m).forEach(function (k) {
        if (MATCHED_KNOWN.indexOf(k) < 0 && m[k] !== null && m[k] !== "" && !(Array.isArray(m[k]) && !m[k].length)) ev.appendChild(el("span", "depth", k + ": " + scalar(m[k])));
      });
      tr.appendChild(ev);
      mbody.appendChild(tr);
    });

    var missing = list(r.missing).filter(function (m) { return m && typeof m === "object"; });
    $("missing-title").textContent = "Missing skills (" + missing.length + ")";
    var xbody = clear($("missing").tBodies[0]);
    missing.forEach(function (m) {
      var tr = el("tr");
      var name = el("td", null, scalar(m.name || m.id));
      var alts = list(m.alternatives);
      if (alts.length) name.appendChild(el("span", "depth", "or " + alts.map(scalar).join(", ")));
      tr.appendChild(name);
      tr.appendChild(el("td", "muted", scalar(m.group)));
      var gain = num(m.gain);
      tr.appendChild(el("td", "num", (gain >= 0 ? "+" : "") + gain.toFixed(1)));
      xbody.appendChild(tr);
    });

    var pol = [];
    list(r.hedged).forEach(function (s) { pol.push(scalar(s) + ": hedged (willing to learn, familiar with...), counted in the similarity only"); });
    list(r.negated).forEach(function (s) { pol.push(scalar(s) + ": negated (no experience...), not counted"); });
    fillList("polarity-part", "polarity", pol);

    var extra = clear($("extra"));
    var shown = 0;
    Object.keys(r).forEach(function (k) {
      if (KNOWN.indexOf(k) >= 0) return;
      var v = r[k];
      if (v === null || v === undefined || v === "" || (Array.isArray(v) && !v.length)) return;
      fact(extra, k.replace(/_/g, " "), scalar(v)); shown += 1;
    });
    $("extra-part").hidden = shown === 0;

    $("result").hidden = false;
    $("result").focus();
  }

  syncAgainst();
  loadProfiles();
})();
