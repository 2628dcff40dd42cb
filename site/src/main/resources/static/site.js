// Kabar's reader pages: the live breaking-news banner and the page-view beacon. Plain script, no build step.
(function () {
  "use strict";
  var data = document.body.dataset;
  var banner = document.getElementById("breaking");

  // Only http(s) links from the alert, never javascript: or data: URLs.
  function safeHref(url) {
    try {
      var parsed = new URL(url, location.href);
      return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : "/";
    } catch (e) {
      return "/";
    }
  }

  function show(alert) {
    var link = banner.querySelector("a");
    link.textContent = alert.title; // text, never markup
    link.href = safeHref(alert.url);
    banner.setAttribute("data-alert", alert.alertId);
    banner.hidden = false;
  }

  function showing(alert) {
    return !banner.hidden && banner.getAttribute("data-alert") === alert.alertId;
  }

  // Each handler ignores a malformed event rather than breaking the page.
  function on(stream, type, handle) {
    stream.addEventListener(type, function (event) {
      try {
        handle(JSON.parse(event.data));
      } catch (ignored) {
        // shows nothing
      }
    });
  }

  if (banner && data.alerts && window.EventSource) {
    // EventSource reconnects by itself and resumes with Last-Event-ID, so no alert is missed in between.
    var stream = new EventSource(data.alerts);
    stream.addEventListener("open", function () {
      document.body.setAttribute("data-live", "open"); // the stream is connected: alerts from now on will show
    });
    on(stream, "alert.created", show);
    // A corrected headline replaces the one on screen; a withdrawn story takes its banner away. Neither brings
    // back a banner the reader closed or replaces another alert's.
    on(stream, "alert.updated", function (alert) {
      if (showing(alert)) {
        show(alert);
      }
    });
    on(stream, "alert.retracted", function (alert) {
      if (showing(alert)) {
        banner.hidden = true;
      }
    });
    banner.querySelector(".close").addEventListener("click", function () {
      banner.hidden = true;
    });
  }

  function sessionId() {
    var id;
    try {
      id = localStorage.getItem("kabar-session");
    } catch (e) {
      id = null;
    }
    if (!id) {
      id = window.crypto && crypto.randomUUID ? crypto.randomUUID() : String(Math.random()).slice(2) + Date.now();
      try {
        localStorage.setItem("kabar-session", id);
      } catch (e) {
        // private mode: a fresh session per page is still one view
      }
    }
    return id;
  }

  // One page view per page load; sendBeacon survives the reader leaving, and its text/plain body needs no preflight.
  if (data.article && data.pageViews && navigator.sendBeacon) {
    navigator.sendBeacon(data.pageViews, JSON.stringify({ articleId: data.article, sessionId: sessionId() }));
  }
})();
