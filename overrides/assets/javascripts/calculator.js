// The validity calculator: the rules of guidebook/rules.py, with the numbers the page was built
// with (data-rules). Dates are plain {y, m, d} objects, so that no time zone shifts a day.
(function () {
  "use strict";

  function parse(text) {
    var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text || "");
    if (!m) return null;
    var d = { y: +m[1], m: +m[2], d: +m[3] };
    return exists(d.y, d.m, d.d) ? d : null;
  }
  function exists(y, m, d) {
    var t = new Date(Date.UTC(y, m - 1, d));
    return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
  }
  function cmp(a, b) { return (a.y - b.y) || (a.m - b.m) || (a.d - b.d); }
  function min(a, b) { return cmp(a, b) <= 0 ? a : b; }
  function iso(d) { return d.y + "-" + String(d.m).padStart(2, "0") + "-" + String(d.d).padStart(2, "0"); }
  function nextDay(d) {
    var t = new Date(Date.UTC(d.y, d.m - 1, d.d + 1));
    return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
  }
  // 29 February falls on 28 February in common years (Japanese law).
  function birthdayIn(birth, year) {
    return exists(year, birth.m, birth.d) ? { y: year, m: birth.m, d: birth.d } : { y: year, m: 2, d: 28 };
  }
  function nthBirthdayAfter(birth, day, n) {
    var first = birthdayIn(birth, day.y);
    if (cmp(first, day) <= 0) first = birthdayIn(birth, day.y + 1);
    return birthdayIn(birth, first.y + n - 1);
  }
  function ageOn(birth, day) {
    return day.y - birth.y - (cmp(birthdayIn(birth, day.y), day) > 0 ? 1 : 0);
  }
  function renewalFrom(expiry, months) {
    var index = expiry.y * 12 + expiry.m - 1 - months;
    var y = Math.floor(index / 12), m = index % 12 + 1;
    if (exists(y, m, expiry.d)) return nextDay({ y: y, m: m, d: expiry.d });
    return m === 12 ? { y: y + 1, m: 1, d: 1 } : { y: y, m: m + 1, d: 1 };
  }

  function validity(rules, birth, issued, stayUntil) {
    if (cmp(issued, birth) < 0) return null;
    if (stayUntil && cmp(stayUntil, issued) < 0) return null;
    var age = ageOn(birth, issued), card;
    if (cmp(issued, parse(rules.legacyIssuedBefore)) < 0 && age < rules.legacyUnderAge) {
      card = nthBirthdayAfter(birth, issued, rules.legacyCardBirthdays);
    } else if (age < rules.minorUnderAge) {
      card = nthBirthdayAfter(birth, issued, rules.minorCardBirthdays);
    } else {
      card = nthBirthdayAfter(birth, issued, rules.cardBirthdays);
    }
    if (stayUntil) card = min(card, stayUntil);
    var certificate = min(nthBirthdayAfter(birth, issued, rules.certificateBirthdays), card);
    return {
      card_expires: card,
      card_renewal_from: renewalFrom(card, rules.renewalMonthsBefore),
      certificate_expires: certificate,
      certificate_renewal_from: renewalFrom(certificate, rules.renewalMonthsBefore),
      signature_certificate: age >= rules.signatureMinAge
    };
  }

  function today() {
    var t = new Date();
    return { y: t.getFullYear(), m: t.getMonth() + 1, d: t.getDate() };
  }

  // A date as typed into its day, month and year fields. The digits of the readers' scripts are
  // read as numbers: full-width (a Japanese keyboard), Devanagari, Thai.
  var PARTS = { day: /^\d{1,2}$/, month: /^\d{1,2}$/, year: /^[1-9]\d{3}$/ };
  function latin(text) {
    return text.normalize("NFKC").trim()
      .replace(/[\u0966-\u096F]/g, function (c) { return String(c.charCodeAt(0) - 0x966); })
      .replace(/[\u0E50-\u0E59]/g, function (c) { return String(c.charCodeAt(0) - 0xE50); });
  }
  // One date's group: {date} when its fields make a day of the calendar; {empty} when none is
  // filled in; else the fields to correct, in the page's order: an empty one, a number that
  // cannot be its part (a year in the day field, a month above 12, a year of two digits), or the
  // day when the numbers make no date (30 February).
  function readDate(group) {
    var inputs = Array.prototype.slice.call(group.querySelectorAll("input[data-part]"));
    var values = {}, wrong = inputs.filter(function (input) {
      var text = latin(input.value), part = input.dataset.part;
      values[part] = +text;
      return !PARTS[part].test(text) || values[part] < 1 || (part === "day" && values[part] > 31) ||
        (part === "month" && values[part] > 12);
    });
    if (inputs.every(function (input) { return !latin(input.value); })) return { empty: true, wrong: inputs };
    if (wrong.length) return { wrong: wrong };
    if (!exists(values.year, values.month, values.day)) {
      return { wrong: inputs.filter(function (input) { return input.dataset.part === "day"; }) };
    }
    return { date: { y: values.year, m: values.month, d: values.day } };
  }

  // A message's words from the form's template, as nodes: readings and language marks kept.
  function words(form, name) {
    var source = form.querySelector("template.vc-messages").content.querySelector('[data-message="' + name + '"]');
    var out = document.createDocumentFragment();
    source.childNodes.forEach(function (node) { out.appendChild(node.cloneNode(true)); });
    return out;
  }

  // The answer; or GOV.UK's error summary at the top of the form (a heading, the message, a link
  // to each date to correct), focused, with the message in each date's group and tied to its
  // wrong fields (aria-invalid, aria-describedby). The answer takes the focus, so that it is read next.
  function show(form, answer, errors) {
    var out = form.querySelector(".vc-result"), summary = form.querySelector(".vc-summary");
    out.textContent = "";
    summary.textContent = "";
    summary.hidden = true;
    form.querySelectorAll("fieldset.vc-date").forEach(function (group) {
      group.classList.remove("vc-date--error");
      group.querySelectorAll(".vc-error").forEach(function (message) { message.remove(); });
      group.querySelectorAll("input").forEach(function (input) {
        input.removeAttribute("aria-invalid");
        input.removeAttribute("aria-describedby");
      });
    });
    if (!answer) {
      var heading = document.createElement("h3"), intro = document.createElement("p"), list = document.createElement("ul");
      heading.id = "vc-summary-title";
      heading.append(words(form, "heading"));
      intro.append(words(form, "invalid"));
      errors.forEach(function (error) {
        var group = error.group, message = document.createElement("p");
        message.className = "vc-error";
        message.id = group.id + "-error";
        message.append(words(form, "invalid"));
        group.querySelector(".vc-hint").after(message);
        group.classList.add("vc-date--error");
        error.wrong.forEach(function (input) {
          input.setAttribute("aria-invalid", "true");
          input.setAttribute("aria-describedby", message.id);
        });
        var item = document.createElement("li"), link = document.createElement("a");
        link.href = "#" + error.wrong[0].id;
        // The legend's words, with their language marks (Japanese terms quoted on the page).
        link.append.apply(link, Array.prototype.slice.call(group.querySelector("legend").cloneNode(true).childNodes));
        item.appendChild(link);
        list.appendChild(item);
      });
      summary.append(heading, intro, list);
      summary.setAttribute("aria-labelledby", heading.id);
      summary.hidden = false;
      summary.focus();
      return;
    }
    // Dates in the words of the build's formatter (data-dates: one pattern a month), never Intl.
    var dates = JSON.parse(form.dataset.dates);
    var list = form.querySelector("template.vc-answer").content.cloneNode(true);
    list.querySelectorAll("[data-answer]").forEach(function (dd) {
      var value = answer[dd.dataset.answer];
      if (typeof value === "boolean") {
        dd.querySelectorAll("[data-when]").forEach(function (span) {
          if (span.dataset.when !== String(value)) span.remove();
        });
        dd.dataset.value = String(value);
      } else {
        dd.textContent = dates[value.m - 1].replace("{d}", String(value.d)).replace("{y}", String(value.y));
        dd.dataset.value = iso(value);
      }
    });
    // An expiry date already past says so in words.
    list.querySelectorAll("[data-past]").forEach(function (note) {
      if (cmp(answer[note.dataset.past], today()) >= 0) note.remove();
    });
    out.appendChild(list);
    out.tabIndex = -1;
    out.focus();
  }

  document.querySelectorAll("form.validity-calculator").forEach(function (form) {
    var rules = JSON.parse(form.dataset.rules);
    var group = function (name) { return form.querySelector("#vc-" + name); };
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var birth = readDate(group("birth")), issued = readDate(group("issued")), stay = readDate(group("stay"));
      // Birth and issue are needed; the end of the period of stay only if there is one.
      var errors = [["birth", birth], ["issued", issued], ["stay", stay]]
        .filter(function (pair) { return !pair[1].date && !(pair[0] === "stay" && pair[1].empty); })
        .map(function (pair) { return { group: group(pair[0]), wrong: pair[1].wrong }; });
      var answer = errors.length ? null : validity(rules, birth.date, issued.date, stay.date || null);
      // Dates that exist but contradict each other: the later date is the one to correct.
      if (!answer && !errors.length) {
        var later = group(stay.date && cmp(stay.date, issued.date) < 0 ? "stay" : "issued");
        errors = [{ group: later, wrong: Array.prototype.slice.call(later.querySelectorAll("input[data-part]")) }];
      }
      show(form, answer, errors);
    });
    // A link of the error summary moves to its field, its date's legend and hint in view.
    form.querySelector(".vc-summary").addEventListener("click", function (event) {
      var link = event.target.closest("a[href^='#']"), field = link && document.getElementById(link.hash.slice(1));
      if (!field) return;
      event.preventDefault();
      field.closest("fieldset").scrollIntoView();
      field.focus({ preventScroll: true });
    });
  });
  window.guidebookValidity = function (rules, birth, issued, stay) {
    var answer = validity(rules, parse(birth), parse(issued), stay ? parse(stay) : null);
    if (!answer) return null;
    var out = {};
    Object.keys(answer).forEach(function (k) { out[k] = typeof answer[k] === "boolean" ? answer[k] : iso(answer[k]); });
    return out;
  };
})();
