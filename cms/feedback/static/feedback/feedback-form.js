/* Progressive enhancement of the feedback form (form.feedback-form) and the
   tracking-code lookup (form.feedback-lookup) of the static sites. Without this
   file both still work as plain HTML forms. No inline script or style: the
   pages' Content-Security-Policy forbids them; the site's CSP must list the
   CMS origin in connect-src and form-action.
   Messages: data-msg-* attributes on the form (translated by the template). */
(function () {
  "use strict";

  function show(box, text, isError) {
    box.textContent = text;
    box.hidden = false;
    box.setAttribute("role", isError ? "alert" : "status");
    box.className = "feedback-result" + (isError ? " feedback-result--error" : "");
  }

  function resultBox(form) {
    var box = form.parentNode.querySelector("[data-feedback-result]");
    if (!box) {
      box = document.createElement("p");
      box.setAttribute("data-feedback-result", "");
      form.parentNode.insertBefore(box, form.nextSibling);
    }
    return box;
  }

  function msg(form, name, fallback) {
    return form.getAttribute("data-msg-" + name) || fallback;
  }

  function errorText(form, payload) {
    var lines = [payload && payload.error ? payload.error : msg(form, "error", "Error")];
    var errors = (payload && payload.errors) || {};
    Object.keys(errors).forEach(function (field) {
      lines = lines.concat(errors[field]);
    });
    return lines.join(" ");
  }

  function enhanceSubmit(form) {
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var button = form.querySelector("[type=submit]");
      var box = resultBox(form);
      if (button) { button.disabled = true; }
      fetch(form.action, {
        method: "POST",
        body: new FormData(form),
        headers: { Accept: "application/json" },
        credentials: "omit"
      }).then(function (response) {
        return response.json().then(function (payload) {
          if (response.status === 201) {
            form.reset();
            show(box, msg(form, "sent", "Sent. Tracking code:") + " " + payload.code, false);
          } else {
            show(box, errorText(form, payload), true);
          }
        });
      }).catch(function () {
        show(box, msg(form, "offline", "The message could not be sent. Please try again."), true);
      }).then(function () {
        if (button) { button.disabled = false; }
      });
    });
  }

  function enhanceLookup(form) {
    var api = form.getAttribute("data-api");
    if (!api) { return; }
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var code = (form.elements.code.value || "").trim();
      var box = resultBox(form);
      fetch(api.replace(/\/$/, "") + "/" + encodeURIComponent(code), {
        headers: { Accept: "application/json" }, credentials: "omit"
      }).then(function (response) {
        return response.json().then(function (payload) {
          if (!response.ok) { show(box, errorText(form, payload), true); return; }
          show(box, msg(form, "status", "Status:") + " " + payload.status_label, false);
          if (payload.answer_html) {
            /* The answer is sanitised rich text from the CMS; parse it inertly
               and keep only text so nothing executable reaches the page. */
            var answer = document.createElement("div");
            var parsed = new DOMParser().parseFromString(payload.answer_html, "text/html");
            answer.textContent = parsed.body.textContent;
            answer.className = "feedback-answer";
            box.appendChild(answer);
          }
        });
      }).catch(function () {
        show(box, msg(form, "offline", "The lookup failed. Please try again."), true);
      });
    });
  }

  Array.prototype.forEach.call(document.querySelectorAll("form.feedback-form"), enhanceSubmit);
  Array.prototype.forEach.call(document.querySelectorAll("form.feedback-lookup"), enhanceLookup);
})();
