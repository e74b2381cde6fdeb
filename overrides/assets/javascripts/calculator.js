// The validity calculator: the rules of macros/rules.py, with the numbers the page was built
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

  // The answer, or the error tied to the fields that caused it (aria-invalid, described by the
  // message, the first of them focused); the answer takes the focus, so that it is read next.
  function show(form, answer, wrong) {
    var out = form.querySelector(".vc-result");
    out.textContent = "";
    ["birth", "issued", "stay"].forEach(function (name) {
      form.elements[name].removeAttribute("aria-invalid");
      form.elements[name].removeAttribute("aria-describedby");
    });
    if (!answer) {
      var p = document.createElement("p");
      p.id = "vc-error";
      p.textContent = out.dataset.labelInvalid;
      out.appendChild(p);
      wrong.forEach(function (field) {
        field.setAttribute("aria-invalid", "true");
        field.setAttribute("aria-describedby", "vc-error");
      });
      wrong[0].focus();
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
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var fields = form.elements;
      var birth = parse(fields.birth.value), issued = parse(fields.issued.value);
      var stayText = fields.stay.value, stay = stayText ? parse(stayText) : null;
      var wrong = [[fields.birth, birth], [fields.issued, issued], [fields.stay, !stayText || stay]]
        .filter(function (pair) { return !pair[1]; }).map(function (pair) { return pair[0]; });
      var answer = wrong.length ? null : validity(rules, birth, issued, stay);
      // Dates that exist but contradict each other: the later field is the one to correct.
      if (!answer && !wrong.length) wrong = [stay && cmp(stay, issued) < 0 ? fields.stay : fields.issued];
      show(form, answer, wrong);
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
