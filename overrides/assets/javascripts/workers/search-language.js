// Material's search worker, with the reader's language first, and its index built only when the
// reader searches.
//
// The site has one index for every language; this wrapper reorders each answer so that the pages
// in the page's language come first, each group in Material's order of relevance.
//
// Material sends the index to the worker on every page view, and the worker builds it at once
// (lunr, every language's pipeline, about a thousand sections): a few hundred milliseconds of a
// phone's processor on each page, for a search most readers never open. The wrapper answers
// "ready" at once and builds the index on the first query.
//
// Parameters (overrides/main.html): lang, the page's language; languages, every language, the
// first being the one at the site root; worker, Material's worker beside this file.
(function () {
  "use strict";
  // Material's messages: {type: 0, data: index} sets up, {type: 1} answers that it is ready,
  // {type: 2, data: query} asks, {type: 3, data: {items}} answers, one item per page (an array
  // of its matching sections).
  var SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;
  var params = new URLSearchParams(self.location.search);
  var lang = params.get("lang");
  var languages = (params.get("languages") || "").split(",");

  function own(item) {
    var folder = item[0].location.split("/")[0];
    return (languages.indexOf(folder) > 0 ? folder : languages[0]) === lang;
  }

  var post = self.postMessage.bind(self);
  var built = null;      // resolves once Material's worker has built the index
  var whenBuilt = null;  // its resolve function, while the index is being built
  self.postMessage = function (message) {
    if (message && message.type === READY && whenBuilt) {
      whenBuilt();  // "ready" was already answered on the index's arrival
      whenBuilt = null;
      return;
    }
    var items = message && message.type === RESULT && message.data && message.data.items;
    if (items) message.data.items = items.filter(own).concat(items.filter(function (item) { return !own(item); }));
    post(message);
  };

  // Material's worker listens for messages; this wrapper passes them on, holding back the index.
  var listen = self.addEventListener.bind(self), handlers = [], setup = null;
  self.addEventListener = function (type, handler, options) {
    if (type === "message") handlers.push(handler);
    else listen(type, handler, options);
  };
  function deliver(event) {
    handlers.forEach(function (handler) { handler.call(self, event); });
  }
  listen("message", function (event) {
    var message = event.data;
    if (message && message.type === SETUP) {
      setup = event;
      built = null;
      post({type: READY});
    } else if (message && message.type === QUERY && setup && !String(message.data || "").trim()) {
      post({type: RESULT, data: {items: []}});  // Material's answer to the empty query it sends on "ready"
    } else if (message && message.type === QUERY && setup) {
      if (!built) built = new Promise(function (resolve) { whenBuilt = resolve; deliver(setup); });
      built.then(function () { deliver(event); });
    } else {
      deliver(event);
    }
  });
  importScripts(params.get("worker"));
})();
