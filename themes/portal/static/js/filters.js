/* Filter a listing in the browser over its small JSON file (index.json).
   Without JavaScript the facet links lead to static, pre-filtered listing pages. */
(function () {
  "use strict";
  var listing = document.querySelector("[data-listing-json]");
  if (!listing || !window.fetch) { return; }
  var nav = listing.querySelector(".filters");
  var results = listing.querySelector(".results");
  if (!nav || !results) { return; }

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text !== undefined) { node.textContent = text; }
    return node;
  }

  fetch(listing.getAttribute("data-listing-json"), { credentials: "same-origin" })
    .then(function (r) { if (!r.ok) { throw new Error(r.status); } return r.json(); })
    .then(function (data) { enhance(data); })
    .catch(function () { /* keep the static links */ });

  function enhance(data) {
    var form = el("form", { "class": "filter-form", "role": "search", "aria-label": nav.querySelector("h2").textContent });
    var selects = [];
    var params = new URLSearchParams(window.location.search);
    nav.querySelectorAll("details[data-facet]").forEach(function (details) {
      var name = details.getAttribute("data-facet");
      var id = "filter-" + name;
      form.appendChild(el("label", { "for": id }, details.getAttribute("data-label")));
      var select = el("select", { id: id, name: name });
      select.appendChild(el("option", { value: "" }, "—"));
      (data.facets[name] || []).forEach(function (opt) {
        var option = el("option", { value: opt[0] }, opt[1] + " (" + opt[2] + ")");
        if (params.get(name) === opt[0]) { option.selected = true; }
        select.appendChild(option);
      });
      select.addEventListener("change", apply);
      selects.push(select);
      form.appendChild(select);
      details.hidden = true;
    });
    if (!selects.length) { return; }
    var active = nav.querySelector(".active-filter");
    if (active) { active.hidden = true; }
    nav.appendChild(form);
    var status = el("p", { "class": "result-count", "role": "status" });
    results.insertBefore(status, results.firstChild);
    var list = el("ul", { "class": "items", id: "filtered-items" });

    function apply() {
      var chosen = {};
      var query = new URLSearchParams();
      selects.forEach(function (s) { if (s.value) { chosen[s.name] = s.value; query.set(s.name, s.value); } });
      var names = Object.keys(chosen);
      if (!names.length) {
        results.querySelectorAll(":scope > .items, :scope > .pagination").forEach(function (n) { n.hidden = n === list; });
        status.textContent = "";
        history.replaceState(null, "", window.location.pathname);
        return;
      }
      var hits = data.items.filter(function (item) {
        return names.every(function (n) { return (item.facets[n] || []).indexOf(chosen[n]) !== -1; });
      });
      list.textContent = "";
      hits.forEach(function (item) {
        var li = el("li", { "class": "item" });
        var h = el("h3", { "class": "item-title" });
        h.appendChild(el("a", { href: item.url }, item.title));
        li.appendChild(h);
        if (item.date) { li.appendChild(el("p", { "class": "item-meta" }, item.date)); }
        if (item.summary) { li.appendChild(el("p", { "class": "item-summary" }, item.summary)); }
        list.appendChild(li);
      });
      results.querySelectorAll(":scope > .items, :scope > .pagination").forEach(function (n) { n.hidden = true; });
      if (!list.parentNode) { results.appendChild(list); }
      list.hidden = false;
      status.textContent = hits.length + " / " + data.items.length;
      history.replaceState(null, "", window.location.pathname + "?" + query.toString());
    }
    if (selects.some(function (s) { return s.value; })) { apply(); }
  }
})();
