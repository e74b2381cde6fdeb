// The page frame's helpers: the header buttons of overrides/partials/header.html, and link
// addresses for the print stylesheet.
(function () {
  "use strict";

  // The drawer and search buttons open and close Material's checkboxes, as its labels did. An
  // opened drawer takes focus (its first link); closed while focus is in it (the overlay, the
  // button), it gives focus back to its button.
  var drawerPanel = document.querySelector(".md-sidebar--primary");
  document.querySelectorAll("button.guidebook-toggle").forEach(function (button) {
    var toggle = document.getElementById(button.dataset.toggle);
    if (!toggle) return;
    function sync() {
      button.setAttribute("aria-expanded", String(toggle.checked));
      if (toggle.id === "__drawer" && !toggle.checked && drawerPanel && drawerPanel.contains(document.activeElement)) button.focus();
    }
    button.addEventListener("click", function () {
      toggle.checked = !toggle.checked;
      toggle.dispatchEvent(new Event("change"));
      sync();
      if (toggle.checked && toggle.id === "__search") document.querySelector(".md-search__input").focus();
      var first = toggle.checked && toggle.id === "__drawer" && drawerPanel && drawerPanel.querySelector("a[href]");
      if (first) first.focus();
    });
    toggle.addEventListener("change", sync);
  });

  // Escape closes the open drawer and brings focus back to its button.
  document.addEventListener("keydown", function (event) {
    var drawer = document.getElementById("__drawer");
    if (event.key !== "Escape" || !drawer || !drawer.checked) return;
    drawer.checked = false;
    drawer.dispatchEvent(new Event("change"));
    var button = document.querySelector("button.guidebook-toggle[data-toggle=__drawer]");
    if (button) button.focus();
  });

  // The language menu (overrides/partials/alternate.html): a disclosure button. Closed, its
  // links are out of the tab order; Escape closes it and gives focus back to the button; the
  // arrow keys, Home and End move between the languages.
  document.querySelectorAll(".guidebook-languages").forEach(function (menu) {
    var button = menu.querySelector("button"), list = menu.querySelector("ul");
    var links = Array.prototype.slice.call(list.querySelectorAll("a"));
    function show(open) {
      button.setAttribute("aria-expanded", String(open));
      list.hidden = !open;
    }
    function isOpen() { return button.getAttribute("aria-expanded") === "true"; }
    show(false);
    button.addEventListener("click", function () { show(!isOpen()); });
    menu.addEventListener("keydown", function (event) {
      var at = links.indexOf(document.activeElement), to = null;
      if (event.key === "Escape" && isOpen()) {
        show(false);
        button.focus();
      } else if (event.key === "ArrowDown") {
        to = at < 0 ? 0 : (at + 1) % links.length;
      } else if (event.key === "ArrowUp") {
        to = at < 0 ? links.length - 1 : (at - 1 + links.length) % links.length;
      } else if ((event.key === "Home" || event.key === "End") && at >= 0) {
        to = event.key === "Home" ? 0 : links.length - 1;
      } else {
        return;
      }
      event.preventDefault();
      event.stopPropagation();  // the drawer's Escape is not this one
      if (to !== null) {
        show(true);
        links[to].focus();
      }
    });
    // Focus or a click elsewhere closes it.
    menu.addEventListener("focusout", function (event) {
      if (!menu.contains(event.relatedTarget)) show(false);
    });
    document.addEventListener("click", function (event) {
      if (!menu.contains(event.target)) show(false);
    });
  });

  // Material centres the current page's link in the sidebar, which scrolls the first links
  // under the sidebar's sticky title even when the link was in view. Scroll only as far as the
  // link needs to be seen: not at all when it is in view with the sidebar at its top.
  function sidebarToCurrentPage() {
    var wrap = document.querySelector(".md-sidebar--primary .md-sidebar__scrollwrap");
    var link = wrap && wrap.querySelector("a.md-nav__link--active[href]");
    if (!link || !wrap.clientHeight || !link.clientHeight) return;
    var bottom = link.getBoundingClientRect().bottom - wrap.getBoundingClientRect().top + wrap.scrollTop;
    wrap.scrollTop = bottom <= wrap.clientHeight ? 0 : bottom - wrap.clientHeight + 16;
  }
  // After Material's own scroll, made on the frame after the page is mounted.
  function afterMaterial() { requestAnimationFrame(function () { requestAnimationFrame(sidebarToCurrentPage); }); }
  if (window.document$) window.document$.subscribe(afterMaterial); else afterMaterial();

  // A table written in Markdown has no caption: the heading just before it names it.
  document.querySelectorAll("article table:not([aria-labelledby])").forEach(function (table) {
    if (table.caption) return;
    for (var el = table.closest(".md-typeset__scrollwrap") || table; el; el = el.previousElementSibling) {
      if (/^H[1-6]$/.test(el.tagName) && el.id) { table.setAttribute("aria-labelledby", el.id); break; }
    }
  });

  // A table wider than the screen (a calendar on a phone) scrolls sideways in the theme's
  // wrapper: make that wrapper a region named by the table, which the keyboard can reach.
  function scrollRegions() {
    document.querySelectorAll("article .md-typeset__scrollwrap").forEach(function (wrap) {
      var table = wrap.querySelector("table"), name = table && table.caption ? table.caption.textContent.trim() : "";
      if (wrap.scrollWidth > wrap.clientWidth + 1) {
        wrap.setAttribute("tabindex", "0");
        wrap.setAttribute("role", "region");
        if (name) wrap.setAttribute("aria-label", name);
        else if (table && table.getAttribute("aria-labelledby")) wrap.setAttribute("aria-labelledby", table.getAttribute("aria-labelledby"));
      } else {
        ["tabindex", "role", "aria-label", "aria-labelledby"].forEach(function (a) { wrap.removeAttribute(a); });
      }
    });
  }
  // Material wraps the tables once the page is mounted: its document$ says when.
  if (window.document$) window.document$.subscribe(scrollRegions); else scrollRegions();
  window.addEventListener("resize", scrollRegions);

  // The opening calendar is built with the site and read long after: a month before the
  // reader's month is hidden, and when none is left a line (written at build time, in the page's
  // language) says that the calendar has ended. Dates are only compared here, never written.
  function calendarFromThisMonth() {
    var now = new Date(), thisMonth = now.getFullYear() * 12 + now.getMonth();
    document.querySelectorAll(".opening-calendar").forEach(function (calendar) {
      var left = 0;
      calendar.querySelectorAll("table").forEach(function (table) {
        var parts = table.querySelector("caption [data-date]").getAttribute("data-date").split("-");
        var past = Number(parts[0]) * 12 + Number(parts[1]) - 1 < thisMonth;
        (table.closest(".md-typeset__scrollwrap") || table).hidden = past;
        if (!past) left += 1;
      });
      var ended = calendar.querySelector(".calendar-ended");
      if (ended) ended.hidden = left > 0;
    });
  }
  if (window.document$) window.document$.subscribe(calendarFromThisMonth); else calendarFromThisMonth();

  // A printed page shows where each link leads: its full address, read by the print stylesheet.
  document.querySelectorAll("article a[href]").forEach(function (a) {
    var href = a.getAttribute("href");
    if (href.charAt(0) !== "#" && /^https?:/.test(a.href)) a.dataset.href = a.href.replace(/#.*$/, "");
  });
})();
