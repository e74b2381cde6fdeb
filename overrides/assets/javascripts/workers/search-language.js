// Material's search worker, with the reader's language first. The site has one index for every
// language; this wrapper reorders each answer so that the pages in the page's language come first,
// each group in Material's order of relevance.
// Parameters (overrides/main.html): lang, the page's language; languages, every language, the
// first being the one at the site root; worker, Material's worker beside this file.
(function () {
  "use strict";
  var params = new URLSearchParams(self.location.search);
  var lang = params.get("lang");
  var languages = (params.get("languages") || "").split(",");

  function own(item) {
    var folder = item[0].location.split("/")[0];
    return (languages.indexOf(folder) > 0 ? folder : languages[0]) === lang;
  }

  // Material's worker answers a query with postMessage({type: 3, data: {items}}), one item per
  // page (an array of its matching sections).
  var post = self.postMessage.bind(self);
  self.postMessage = function (message) {
    var items = message && message.type === 3 && message.data && message.data.items;
    if (items) message.data.items = items.filter(own).concat(items.filter(function (item) { return !own(item); }));
    post(message);
  };
  importScripts(params.get("worker"));
})();
