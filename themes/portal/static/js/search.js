/* Minimal search page client: reads ?q=, calls the search API named in
   data-api and lists the results. The search engineer extends this file. */
(function () {
  "use strict";
  var box = document.getElementById("search-results");
  if (!box || !window.fetch) { return; }
  var params = new URLSearchParams(window.location.search);
  var q = (params.get("q") || "").trim();
  var input = document.getElementById("q-page");
  if (input) { input.value = q; }
  if (!q) { return; }
  var url = new URL(box.getAttribute("data-api"));
  url.searchParams.set("q", q);
  url.searchParams.set("lang", box.getAttribute("data-lang"));
  if (box.getAttribute("data-scope") === "site") { url.searchParams.set("site", box.getAttribute("data-site")); }
  if (params.get("page")) { url.searchParams.set("page", params.get("page")); }
  box.textContent = "…";
  fetch(url.toString())
    .then(function (r) { if (!r.ok) { throw new Error(r.status); } return r.json(); })
    .then(function (data) {
      var hits = data.results || data.hits || [];
      box.textContent = "";
      var count = document.createElement("p");
      count.textContent = hits.length ? box.getAttribute("data-msg-count").replace("{count}", data.total || hits.length) : box.getAttribute("data-msg-none");
      box.appendChild(count);
      var list = document.createElement("ol");
      hits.forEach(function (hit) {
        var li = document.createElement("li");
        var a = document.createElement("a");
        a.href = hit.url;
        a.textContent = hit.title;
        li.appendChild(a);
        if (hit.summary || hit.snippet) {
          var p = document.createElement("p");
          p.textContent = hit.summary || hit.snippet;
          li.appendChild(p);
        }
        list.appendChild(li);
      });
      box.appendChild(list);
    })
    .catch(function () { box.textContent = box.getAttribute("data-msg-error"); });
})();
