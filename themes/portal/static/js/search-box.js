/* Cổng search boxes (header and search page), on every page.
   1. Without JavaScript a search form goes to the search API's HTML results
      page; with it, the form goes to the site's static search page (which
      asks the JSON API and falls back to the site's listings when it is down).
   2. Suggestions while typing: the input becomes an ARIA 1.2 combobox with a
      listbox popup filled from GET /api/suggest?q=&site=&lang= (data-suggest)
      → {"query", "suggestions": [{"text", "url" | null}]}. Arrow keys move
      through the options (aria-activedescendant), Enter takes one, Escape
      closes the list (a second Escape clears the box), and a polite status
      line tells screen readers how many suggestions there are. A suggestion
      with a url opens that page; one without is searched for.
   No inline script or style (the pages' CSP forbids them); suggestions are
   inserted as text only. */
(function () {
  "use strict";

  var MIN_CHARS = 2;
  var DELAY_MS = 150;
  var MAX_SHOWN = 8;
  var STRINGS = {
    vi: { suggestions: "Gợi ý", count: "{count} gợi ý, dùng phím mũi tên lên xuống để chọn" },
    en: { suggestions: "Suggestions", count: "{count} suggestions, use the up and down arrow keys to choose" }
  };

  function enhance(form) {
    var input = form.querySelector("input[name=q]");
    if (!input) { return; }
    var jsAction = form.getAttribute("data-js-action");
    if (jsAction) {
      form.setAttribute("action", jsAction);
      form.querySelectorAll("[data-no-js]").forEach(function (hidden) { hidden.remove(); });
    }
    var endpoint = form.getAttribute("data-suggest");
    if (!endpoint || !window.fetch || !window.URLSearchParams) { return; }
    var lang = form.getAttribute("data-lang") === "en" ? "en" : "vi";
    var text = STRINGS[lang];
    function msg(key) { return form.getAttribute("data-msg-" + key) || text[key]; }

    var listId = input.id + "-suggestions";
    var list = document.createElement("ul");
    list.id = listId;
    list.className = "search-suggestions";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", msg("suggestions"));
    list.hidden = true;
    var status = document.createElement("span");
    /* A polite live region (not role=status: pages have their own status lines). */
    status.className = "visually-hidden search-suggestions-status";
    status.setAttribute("aria-live", "polite");
    status.setAttribute("aria-atomic", "true");
    var holder = input.parentNode;
    holder.appendChild(list);
    holder.appendChild(status);
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", listId);

    var options = [];
    var active = -1;
    var timer = null;
    var asked = "";
    var controller = null;

    function close() {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }

    function highlight(position) {
      options.forEach(function (option, i) { option.node.setAttribute("aria-selected", String(i === position)); });
      active = position;
      if (position < 0) {
        input.removeAttribute("aria-activedescendant");
      } else {
        input.setAttribute("aria-activedescendant", options[position].node.id);
        options[position].node.scrollIntoView({ block: "nearest" });
      }
    }

    function choose(option) {
      close();
      if (option.url) {
        window.location.assign(option.url);
        return;
      }
      input.value = option.text;
      if (form.requestSubmit) { form.requestSubmit(); } else { form.submit(); }
    }

    function show(suggestions) {
      list.textContent = "";
      options = [];
      suggestions.slice(0, MAX_SHOWN).forEach(function (suggestion, i) {
        if (!suggestion || typeof suggestion.text !== "string" || !suggestion.text) { return; }
        var raw = typeof suggestion.url === "string" ? suggestion.url : "";
        var url = /^https?:\/\//i.test(raw) || /^\/(?!\/)/.test(raw) ? raw : null;
        var node = document.createElement("li");
        node.id = listId + "-" + i;
        node.setAttribute("role", "option");
        node.setAttribute("aria-selected", "false");
        node.textContent = suggestion.text;
        var option = { text: suggestion.text, url: url, node: node };
        node.addEventListener("mousedown", function (event) { event.preventDefault(); });
        node.addEventListener("click", function () { choose(option); });
        options.push(option);
        list.appendChild(node);
      });
      active = -1;
      if (!options.length) {
        close();
        status.textContent = "";
        return;
      }
      list.hidden = false;
      input.setAttribute("aria-expanded", "true");
      input.removeAttribute("aria-activedescendant");
      status.textContent = msg("count").replace("{count}", String(options.length));
    }

    function ask() {
      var query = input.value.trim();
      if (query.length < MIN_CHARS) { asked = ""; close(); return; }
      if (query === asked) { return; }
      asked = query;
      if (controller && controller.abort) { controller.abort(); }
      controller = window.AbortController ? new AbortController() : null;
      var url = new URL(endpoint, window.location.href);
      url.searchParams.set("q", query.slice(0, 200));
      url.searchParams.set("lang", lang);
      var site = form.getAttribute("data-site");
      if (site) { url.searchParams.set("site", site); }
      fetch(url.toString(), {
        headers: { Accept: "application/json" },
        credentials: "omit",
        signal: controller ? controller.signal : undefined
      })
        .then(function (response) { return response.ok ? response.json() : { suggestions: [] }; })
        .then(function (data) {
          if (asked !== query || document.activeElement !== input) { return; }
          show(Array.isArray(data && data.suggestions) ? data.suggestions : []);
        })
        .catch(function () { /* no suggestions: the box works as before */ });
    }

    input.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(ask, DELAY_MS);
    });
    input.addEventListener("keydown", function (event) {
      var open = !list.hidden && options.length;
      if (event.key === "ArrowDown" || event.key === "Down") {
        if (!open) { asked = ""; ask(); return; }
        event.preventDefault();
        highlight(active + 1 >= options.length ? 0 : active + 1);
      } else if (event.key === "ArrowUp" || event.key === "Up") {
        if (!open) { return; }
        event.preventDefault();
        highlight(active <= 0 ? options.length - 1 : active - 1);
      } else if (event.key === "Enter") {
        if (open && active >= 0) {
          event.preventDefault();
          choose(options[active]);
        }
      } else if (event.key === "Escape" || event.key === "Esc") {
        if (open) {
          event.preventDefault();
          close();
        } else if (input.value) {
          input.value = "";
          asked = "";
        }
      } else if (event.key === "Tab") {
        close();
      }
    });
    input.addEventListener("blur", function () { window.setTimeout(close, 100); });
  }

  document.querySelectorAll("form[role=search]").forEach(enhance);
})();
