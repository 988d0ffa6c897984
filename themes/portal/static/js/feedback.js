/* Feedback pages (cms/feedback's public API), progressive enhancement only:
   without this file the form is a plain multipart POST to the CMS (303 back to
   the thank-you page with ?code=) and the pages still explain themselves.
   - form.feedback-form: fetch with Accept: application/json, confirmation with
     the tracking code in the aria-live [data-feedback-result] box, errors next
     to their fields ([data-error-for]).
   - the thank-you page: shows ?code= from the address.
   - form.feedback-lookup[data-api]: GET <api><code>, status and public answer.
   Everything from the network or the address is written with textContent.
   Messages: data-msg-* attributes, translated by the templates. No inline
   script or style: the pages' Content-Security-Policy forbids them. */
(function () {
  "use strict";

  function msg(form, name, fallback) {
    return form.getAttribute("data-msg-" + name) || fallback;
  }

  function resultBox(form) {
    return form.parentNode.querySelector("[data-feedback-result]");
  }

  function show(box, text, isError) {
    box.textContent = "";
    var line = document.createElement("p");
    line.textContent = text;
    box.appendChild(line);
    box.classList.toggle("feedback-result--error", !!isError);
    return box;
  }

  function clearFieldErrors(form) {
    Array.prototype.forEach.call(form.querySelectorAll("[data-error-for]"), function (node) {
      node.textContent = "";
      node.hidden = true;
    });
    Array.prototype.forEach.call(form.querySelectorAll("[aria-invalid]"), function (node) {
      node.removeAttribute("aria-invalid");
    });
  }

  /* Puts each field's messages under it; returns the messages that have no field. */
  function showFieldErrors(form, errors) {
    var unplaced = [];
    var first = null;
    Object.keys(errors || {}).forEach(function (field) {
      var messages = [].concat(errors[field]).join(" ");
      var slot = form.querySelector('[data-error-for="' + field.replace(/[^a-z_]/g, "") + '"]');
      var input = form.elements[field];
      if (slot) {
        slot.textContent = messages;
        slot.hidden = false;
        if (input && input.setAttribute) {
          input.setAttribute("aria-invalid", "true");
          first = first || input;
        }
      } else {
        unplaced.push(messages);
      }
    });
    if (first && first.focus) { first.focus(); }
    return unplaced;
  }

  function enhanceSubmit(form) {
    var box = resultBox(form);
    if (!box || !window.fetch || !window.FormData) { return; }
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      clearFieldErrors(form);
      if (!form.elements.email.value.trim() && !form.elements.phone.value.trim()) {
        showFieldErrors(form, { email: [msg(form, "contact", "Give an email address or a phone number.")] });
        show(box, msg(form, "error", "The message was not sent."), true);
        return;
      }
      var button = form.querySelector("[type=submit]");
      if (button) { button.disabled = true; }
      show(box, msg(form, "sending", "Sending…"), false);
      fetch(form.action, {
        method: "POST",
        body: new FormData(form),
        headers: { Accept: "application/json" },
        credentials: "omit"
      }).then(function (response) {
        return response.json().catch(function () { return {}; }).then(function (payload) {
          if (response.status === 201 && payload.code) {
            form.reset();
            show(box, msg(form, "sent", "Sent. Tracking code:") + " ", false);
            var code = document.createElement("strong");
            code.textContent = payload.code;
            box.firstChild.appendChild(code);
            var track = form.getAttribute("data-track-url");
            if (track) {
              var link = document.createElement("a");
              link.href = track + "?code=" + encodeURIComponent(payload.code);
              link.textContent = msg(form, "track", "Track your question");
              var para = document.createElement("p");
              para.appendChild(link);
              box.appendChild(para);
            }
            box.setAttribute("tabindex", "-1");
            box.focus();
            return;
          }
          var text = msg(form, "error", "The message was not sent.");
          if (response.status === 429) { text = msg(form, "busy", text); }
          if (response.status === 413) { text = msg(form, "too-large", text); }
          var rest = showFieldErrors(form, payload.errors);
          if (payload.error && response.status !== 400) { rest.unshift(payload.error); }
          show(box, [text].concat(rest).join(" "), true);
        });
      }).catch(function () {
        show(box, msg(form, "offline", "The message could not be sent. Please try again."), true);
      }).then(function () {
        if (button) { button.disabled = false; }
      });
    });
  }

  function codeFromAddress() {
    var match = /[?&]code=([^&#]*)/.exec(window.location.search);
    if (!match) { return ""; }
    try {
      return decodeURIComponent(match[1].replace(/\+/g, " ")).trim().slice(0, 40);
    } catch (error) {
      return "";
    }
  }

  function showThanksCode() {
    var holder = document.querySelector("[data-feedback-code]");
    var code = codeFromAddress();
    if (!holder || !code) { return; }
    holder.querySelector("[data-feedback-code-value]").textContent = code;
    holder.hidden = false;
    var link = document.querySelector("[data-feedback-track-link]");
    if (link) { link.href = link.href.split("?")[0] + "?code=" + encodeURIComponent(code); }
  }

  function addLine(box, label, value) {
    if (!value) { return; }
    var line = document.createElement("p");
    line.textContent = label ? label + " " + value : value;
    box.appendChild(line);
  }

  /* The answer is sanitised rich text from the CMS; parse it inertly and keep
     only its text, paragraph by paragraph, so nothing executable reaches the page. */
  function addAnswer(box, heading, html) {
    var title = document.createElement("h2");
    title.textContent = heading;
    box.appendChild(title);
    var parsed = new DOMParser().parseFromString(html, "text/html");
    var blocks = parsed.body.querySelectorAll("p, li, h2, h3, h4");
    var texts = blocks.length ? Array.prototype.map.call(blocks, function (node) {
      return node.textContent;
    }) : [parsed.body.textContent];
    texts.forEach(function (text) { addLine(box, "", text.trim()); });
  }

  function enhanceLookup(form) {
    var api = form.getAttribute("data-api");
    var box = resultBox(form);
    if (!api || !box || !window.fetch) { return; }
    function lookup(code) {
      if (!code) { show(box, msg(form, "empty", "Enter a tracking code."), true); return; }
      fetch(api.replace(/\/$/, "") + "/" + encodeURIComponent(code), {
        headers: { Accept: "application/json" }, credentials: "omit"
      }).then(function (response) {
        return response.json().catch(function () { return {}; }).then(function (payload) {
          if (response.status === 404) { show(box, msg(form, "not-found", "Not found."), true); return; }
          if (!response.ok) { show(box, msg(form, "error", "The lookup failed."), true); return; }
          show(box, msg(form, "status", "Status:") + " " + (payload.status_label || payload.status || ""), false);
          addLine(box, msg(form, "received", "Received:"), payload.received_date);
          if (payload.question) {
            var heading = document.createElement("h2");
            heading.textContent = msg(form, "question", "Question");
            box.appendChild(heading);
            addLine(box, "", payload.question);
          }
          if (payload.answer_html) {
            addAnswer(box, msg(form, "answer", "Answer"), payload.answer_html);
            addLine(box, msg(form, "answered", "Answered:"), payload.answered_date);
          }
        });
      }).catch(function () {
        show(box, msg(form, "error", "The lookup failed. Please try again."), true);
      });
    }
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      lookup((form.elements.code.value || "").trim());
    });
    var code = codeFromAddress();
    if (code) {
      form.elements.code.value = code;
      lookup(code);
    }
  }

  Array.prototype.forEach.call(document.querySelectorAll("form.feedback-form"), enhanceSubmit);
  Array.prototype.forEach.call(document.querySelectorAll("form.feedback-lookup"), enhanceLookup);
  showThanksCode();
})();
