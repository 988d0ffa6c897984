/* Progressive enhancements shared by every page: print buttons, collapsible menu on small screens. */
(function () {
  "use strict";
  document.documentElement.classList.add("js");
  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  });
  var toggle = document.querySelector(".menu-toggle");
  var menu = document.getElementById("main-menu");
  if (toggle && menu && window.matchMedia("(max-width: 40rem)").matches) {
    toggle.hidden = false;
    menu.classList.add("is-collapsed");
    toggle.addEventListener("click", function () {
      var open = toggle.getAttribute("aria-expanded") === "true";
      toggle.setAttribute("aria-expanded", String(!open));
      menu.classList.toggle("is-collapsed", open);
    });
  }
})();
