// Rankstack web page: search, recommendations, stage trace, and click events (plain JS, no build step).
"use strict";
(function () {
  const $ = (id) => document.getElementById(id);
  let current = null; // the last response: impressionId, contextKey, items

  function setTab(name) {
    $("tab-search").classList.toggle("active", name === "search");
    $("tab-recommend").classList.toggle("active", name === "recommend");
    $("search-form").hidden = name !== "search";
    $("recommend-form").hidden = name !== "recommend";
    $("results").innerHTML = "";
    $("trace-box").hidden = true;
    $("status").textContent = "";
  }

  async function call(url) {
    const res = await fetch(url, { headers: { Accept: "application/json" } });
    const body = await res.json();
    if (!res.ok) {
      throw new Error(body.detail || res.statusText);
    }
    return body;
  }

  function render(resp, userId) {
    current = { impressionId: resp.impressionId, contextKey: resp.contextKey, userId: userId };
    const list = $("results");
    list.innerHTML = "";
    resp.items.forEach((item) => {
      const li = document.createElement("li");
      li.dataset.docId = item.docId;
      li.dataset.position = item.position;
      const a = document.createElement("a");
      a.className = "title";
      a.textContent = item.title || item.docId;
      a.addEventListener("click", () => sendClick(item, li));
      const meta = document.createElement("div");
      meta.className = "meta";
      meta.textContent = "#" + item.position + " · doc " + item.docId + " · score " + item.score.toFixed(4)
        + (item.team ? " · team " + item.team : "") + (item.source ? " · " + item.source : "");
      const snippet = document.createElement("p");
      snippet.className = "snippet";
      snippet.innerHTML = item.snippet; // HTML-escaped by the server; only <mark> is markup
      li.append(a, meta, snippet);
      list.appendChild(li);
    });
    $("status").textContent = resp.items.length + " results of " + resp.totalHits + (resp.totalHitsExact ? "" : "+")
      + " (" + resp.ranker + (resp.experiment ? ", experiment " + resp.experiment : "") + ")";
    const body = $("trace").querySelector("tbody");
    body.innerHTML = "";
    resp.stages.forEach((s) => {
      const tr = document.createElement("tr");
      if (s.passedThrough) tr.className = "passed";
      [s.stage, s.micros, s.inputSize, s.outputSize, s.modelVersion, s.passedThrough ? "yes: " + s.reason : "no"]
        .forEach((v) => { const td = document.createElement("td"); td.textContent = v; tr.appendChild(td); });
      body.appendChild(tr);
    });
    $("trace-box").hidden = false;
  }

  async function sendClick(item, li) {
    if (!current || !current.impressionId) return;
    const click = { impressionId: current.impressionId, contextKey: current.contextKey, docId: item.docId,
      position: item.position, timestamp: Date.now() };
    if (current.userId) click.userId = current.userId;
    const res = await fetch("v1/events", { method: "POST", headers: { "Content-Type": "application/json" },
      body: JSON.stringify(click) });
    const mark = document.createElement("span");
    mark.className = "clicked";
    mark.textContent = res.status === 202 ? "click recorded" : "click not recorded (" + res.status + ")";
    li.querySelector(".meta").appendChild(mark);
  }

  $("tab-search").addEventListener("click", () => setTab("search"));
  $("tab-recommend").addEventListener("click", () => setTab("recommend"));
  $("search-form").addEventListener("submit", async (e) => {
    e.preventDefault();
    $("status").textContent = "searching…";
    try {
      const q = encodeURIComponent($("q").value);
      render(await call("v1/search?k=10&q=" + q + "&ranker=" + $("ranker").value), null);
    } catch (err) {
      $("results").innerHTML = "";
      $("status").textContent = err.message;
    }
  });
  $("recommend-form").addEventListener("submit", async (e) => {
    e.preventDefault();
    $("status").textContent = "loading…";
    try {
      const user = $("user").value;
      render(await call("v1/recommend?k=10&user=" + encodeURIComponent(user)), user);
    } catch (err) {
      $("results").innerHTML = "";
      $("status").textContent = err.message;
    }
  });
})();
