/* Cổng search page: reads ?q=&scope=&site=&kind=&year=&page= from the address,
   asks the shared search API (URL in data-api on #search-results) and shows
   the results with facets (site, "this site only", kind, year), pagination and
   a result count. Facets and pages are plain links, so the back button and
   bookmarks work and nothing here needs more than fetch. Snippets from the API
   are escaped text with <mark>; they are still rebuilt node by node, keeping
   only text and <mark>, so nothing else from the network reaches the page.
   Strings: data-msg-* attributes (rendered translated by the template) win;
   the table below covers the rest in both languages. No inline script/style
   is used (the pages' Content-Security-Policy forbids them). */
(function () {
  "use strict";

  var STRINGS = {
    vi: {
      count: "{count} kết quả",
      none: "Không tìm thấy kết quả nào.",
      error: "Chức năng tìm kiếm tạm thời không hoạt động. Vui lòng thử lại sau.",
      invalid: "Vui lòng nhập từ khóa tìm kiếm (tối đa 200 ký tự).",
      searching: "Đang tìm…",
      thisSite: "Chỉ tìm trong trang này",
      recommended: "Đề xuất",
      facets: "Lọc kết quả",
      site: "Trang", kind: "Loại nội dung", year: "Năm", all: "Tất cả",
      pages: "Phân trang", previous: "Trang trước", next: "Trang sau", page: "Trang {page}",
      kinds: { news: "Tin tức", document: "Văn bản", planning: "Quy hoạch", project: "Dự án đầu tư",
        procedure: "Thủ tục hành chính", page: "Trang thông tin" }
    },
    en: {
      count: "{count} results",
      none: "No results found.",
      error: "Search is not available right now. Please try again later.",
      invalid: "Please enter search words (200 characters at most).",
      searching: "Searching…",
      thisSite: "This site only",
      recommended: "Recommended",
      facets: "Refine results",
      site: "Site", kind: "Type", year: "Year", all: "All",
      pages: "Pages", previous: "Previous page", next: "Next page", page: "Page {page}",
      kinds: { news: "News", document: "Legal documents", planning: "Planning", project: "Investment projects",
        procedure: "Administrative procedures", page: "Pages" }
    }
  };
  var SIZE = 10;

  var box = document.getElementById("search-results");
  if (!box) { return; }
  var lang = box.getAttribute("data-lang") === "en" ? "en" : "vi";
  var text = STRINGS[lang];
  // The build writes every searchable kind's label (build/kinds.py) on the page.
  try { text.kinds = Object.assign({}, text.kinds, JSON.parse(box.getAttribute("data-kinds") || "{}")); } catch (e) { /* keep the built-in labels */ }
  var ownSite = box.getAttribute("data-site") || "";

  function msg(key) {
    return box.getAttribute("data-msg-" + key) || text[key] || "";
  }

  function el(tag, attrs, content) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) { node.setAttribute(name, attrs[name]); });
    if (content !== undefined) { node.textContent = content; }
    return node;
  }

  /* The API's escaped HTML with <mark>: keep text and <mark>, drop everything else. */
  function marked(html) {
    var fragment = document.createDocumentFragment();
    var doc = new DOMParser().parseFromString("<p>" + (html || "") + "</p>", "text/html");
    doc.body.firstChild.childNodes.forEach(function (node) {
      if (node.nodeType === 3) {
        fragment.appendChild(document.createTextNode(node.textContent));
      } else if (node.nodeName === "MARK") {
        fragment.appendChild(el("mark", {}, node.textContent));
      } else {
        fragment.appendChild(document.createTextNode(node.textContent || ""));
      }
    });
    return fragment;
  }

  var params = new URLSearchParams(window.location.search);
  var state = {
    q: (params.get("q") || "").trim(),
    scope: params.get("scope") || box.getAttribute("data-scope") || "all",
    site: params.get("site") || "",
    kind: params.get("kind") || "",
    year: params.get("year") || "",
    page: Math.max(1, parseInt(params.get("page"), 10) || 1)
  };
  ["q-page", "q-header"].forEach(function (id) {
    var input = document.getElementById(id);
    if (input && !input.value) { input.value = state.q; }
  });
  if (!state.q) { return; }
  if (!window.fetch || !window.URLSearchParams) {
    box.textContent = msg("error");
    return;
  }

  /* Link to this page with some state changed (page back to 1 unless given). */
  function link(changes) {
    var next = Object.assign({}, state, { page: 1 }, changes);
    var query = new URLSearchParams();
    query.set("q", next.q);
    if (next.scope !== (box.getAttribute("data-scope") || "all")) { query.set("scope", next.scope); }
    ["site", "kind", "year"].forEach(function (name) { if (next[name]) { query.set(name, next[name]); } });
    if (next.page > 1) { query.set("page", String(next.page)); }
    return window.location.pathname + "?" + query.toString();
  }

  function apiUrl() {
    var url = new URL(box.getAttribute("data-api"), window.location.href);
    url.searchParams.set("q", state.q.slice(0, 200));
    url.searchParams.set("lang", lang);
    url.searchParams.set("size", String(SIZE));
    url.searchParams.set("page", String(state.page));
    var site = state.scope === "site" ? ownSite : state.site;
    if (site) { url.searchParams.set("site", site); }
    if (state.kind) { url.searchParams.set("kind", state.kind); }
    if (state.year) { url.searchParams.set("year", state.year); }
    return url.toString();
  }

  function formatDate(iso) {
    if (!iso) { return ""; }
    var date = new Date(iso.slice(0, 10) + "T00:00:00");
    if (isNaN(date.getTime())) { return ""; }
    try {
      return new Intl.DateTimeFormat(lang === "vi" ? "vi-VN" : "en-GB",
        lang === "vi" ? { day: "2-digit", month: "2-digit", year: "numeric" }
          : { day: "numeric", month: "short", year: "numeric" }).format(date);
    } catch (e) { return iso.slice(0, 10); }
  }

  function facetGroup(name, title, values, current, label) {
    var group = el("div", { "class": "facet" });
    group.appendChild(el("h3", {}, title));
    var list = el("ul");
    var all = el("li");
    var allLink = el("a", { href: link({ [name]: "" }) }, text.all);
    if (!current) { allLink.setAttribute("aria-current", "true"); }
    all.appendChild(allLink);
    list.appendChild(all);
    values.forEach(function (facet) {
      var value = String(facet.value);
      var item = el("li");
      var anchor = el("a", { href: link({ [name]: value }) }, label(facet) + " (" + facet.count + ")");
      if (current === value) { anchor.setAttribute("aria-current", "true"); }
      item.appendChild(anchor);
      list.appendChild(item);
    });
    group.appendChild(list);
    return group;
  }

  function facets(data) {
    var nav = el("nav", { "class": "search-facets", "aria-label": text.facets });
    if (ownSite) {
      var toggle = el("p", { "class": "search-scope" });
      var only = state.scope === "site";
      var anchor = el("a", { href: link({ scope: only ? "all" : "site", site: "" }) },
        (only ? "☑ " : "☐ ") + text.thisSite);
      if (only) { anchor.setAttribute("aria-current", "true"); }
      toggle.appendChild(anchor);
      nav.appendChild(toggle);
    }
    var f = data.facets || {};
    if (state.scope !== "site" && (f.site || []).length) {
      nav.appendChild(facetGroup("site", text.site, f.site, state.site, function (x) { return x.label || x.value; }));
    }
    if ((f.kind || []).length) {
      nav.appendChild(facetGroup("kind", text.kind, f.kind, state.kind, function (x) { return text.kinds[x.value] || x.value; }));
    }
    if ((f.year || []).length) {
      nav.appendChild(facetGroup("year", text.year, f.year, state.year, function (x) { return String(x.value); }));
    }
    return nav;
  }

  function result(hit) {
    var item = el("li", { "class": "search-result" });
    var heading = el("h2");
    var anchor = el("a", { href: hit.url, hreflang: hit.lang });
    anchor.appendChild(marked(hit.title_html || hit.title));
    heading.appendChild(anchor);
    item.appendChild(heading);
    var meta = [hit.site_name, text.kinds[hit.kind] || hit.kind, formatDate(hit.date)].filter(Boolean);
    item.appendChild(el("p", { "class": "search-meta" }, meta.join(" · ")));
    if (hit.snippet) {
      var snippet = el("p", { "class": "search-snippet" });
      snippet.appendChild(marked(hit.snippet));
      item.appendChild(snippet);
    }
    return item;
  }

  /* Pages editors pinned to this query (best bets), above the results. */
  function bestBets(bets) {
    var list = el("ul", { "class": "search-best-bets", "aria-label": msg("recommended") });
    bets.forEach(function (bet) {
      var item = el("li", { "class": "search-result best-bet" });
      item.appendChild(el("p", { "class": "best-bet-label" }, msg("recommended")));
      var heading = el("h2");
      heading.appendChild(el("a", { href: bet.url, hreflang: bet.lang || lang }, bet.title));
      item.appendChild(heading);
      if (bet.description) { item.appendChild(el("p", { "class": "search-snippet" }, bet.description)); }
      if (bet.site_name) { item.appendChild(el("p", { "class": "search-meta" }, bet.site_name)); }
      list.appendChild(item);
    });
    return list;
  }

  function pagination(total) {
    var pages = Math.min(Math.ceil(total / SIZE), Math.floor(10000 / SIZE));
    if (pages <= 1) { return null; }
    var nav = el("nav", { "class": "pagination", "aria-label": text.pages });
    var list = el("ul");
    function add(page, label, rel) {
      var item = el("li");
      var attrs = { href: link({ page: page }) };
      if (rel) { attrs.rel = rel; }
      if (page === state.page) { attrs["aria-current"] = "page"; }
      item.appendChild(el("a", attrs, label));
      list.appendChild(item);
    }
    if (state.page > 1) { add(state.page - 1, text.previous, "prev"); }
    var first = Math.max(1, state.page - 3);
    for (var page = first; page <= Math.min(pages, first + 6); page += 1) {
      add(page, String(page));
      list.lastChild.firstChild.setAttribute("aria-label", text.page.replace("{page}", page));
    }
    if (state.page < pages) { add(state.page + 1, text.next, "next"); }
    nav.appendChild(list);
    return nav;
  }

  function show(data) {
    box.textContent = "";
    var hits = data.results || [];
    var count = data.total ? msg("count").replace("{count}", data.total.toLocaleString(lang === "vi" ? "vi-VN" : "en-GB"))
      : msg("none");
    box.appendChild(el("p", { "class": "search-count" }, count));
    box.appendChild(facets(data));
    if ((data.best_bets || []).length) { box.appendChild(bestBets(data.best_bets)); }
    if (hits.length) {
      var list = el("ol", { "class": "search-list", start: String((state.page - 1) * SIZE + 1) });
      hits.forEach(function (hit) { list.appendChild(result(hit)); });
      box.appendChild(list);
    }
    var pages = pagination(data.total || 0);
    if (pages) { box.appendChild(pages); }
  }

  /* The API did not answer (or refused): say so, and offer the site's own
     listings and site map (rendered hidden by the template) instead. */
  function fail(status) {
    box.textContent = "";
    box.appendChild(el("p", { "class": "search-error", role: "alert" }, status === 400 ? text.invalid : msg("error")));
    var fallback = document.getElementById("search-fallback");
    if (fallback && status !== 400) { fallback.hidden = false; }
  }

  box.setAttribute("aria-busy", "true");
  box.textContent = text.searching;
  fetch(apiUrl(), { headers: { Accept: "application/json" }, credentials: "omit" })
    .then(function (response) {
      if (!response.ok) { var error = new Error("HTTP " + response.status); error.status = response.status; throw error; }
      return response.json();
    })
    .then(show)
    .catch(function (error) { fail(error && error.status); })
    .then(function () { box.removeAttribute("aria-busy"); });
})();
