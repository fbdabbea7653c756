/* course-notes: the "now" panel and the "behind" badges, for the reader's own day.
 *
 * The page carries every candidate with its dates (ISO, in data-cn-* attributes), those that
 * are not "now" on the build date hidden. This shows and hides the same elements by the same
 * rules as the build (schedule.now in the Python package) for today's date in this browser.
 * It only compares dates and toggles `hidden`; the one text it writes is the date line: the
 * page gives its sentence ("Today: {date}.") and the date's pattern and names in the site's
 * language (data-cn-* attributes, translated at build time), and this fills in the numbers.
 * Notes text is never read, written or evaluated.
 *
 * Material's instant navigation loads pages without reloading this script: its `document$`
 * observable announces each page. Without Material, it runs once the page is loaded.
 */
(function () {
  "use strict";

  var DAYS = "Sun|Mon|Tue|Wed|Thu|Fri|Sat";
  var MONTHS = "Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec";
  var NEXT_DUE = 3;
  // A CLDR date pattern's fields (runs of one letter) and quoted literal text.
  var FIELD = /'(?:[^']|'')*'|([A-Za-z])\1*/g;

  function pad(number) {
    return (number < 10 ? "0" : "") + number;
  }

  // The date as the build writes it in the site's language: the pattern's weekday, day,
  // month and year filled in, anything else kept as the pattern writes it.
  function formatDate(date, pattern, days, months) {
    return pattern.replace(FIELD, function (field, letter) {
      if (!letter) {
        return field.length === 2 ? "'" : field.slice(1, -1).replace(/''/g, "'");
      }
      if (letter === "E" || letter === "c") {
        return days[date.getDay()];
      }
      if (letter === "d") {
        return field.length > 1 ? pad(date.getDate()) : String(date.getDate());
      }
      if (letter === "M" || letter === "L") {
        if (field.length >= 3) {
          return months[date.getMonth()];
        }
        return field.length > 1 ? pad(date.getMonth() + 1) : String(date.getMonth() + 1);
      }
      if (letter === "y") {
        return String(date.getFullYear());
      }
      return field;
    });
  }

  function todayLine(line, now) {
    var text = line.getAttribute("data-cn-today-text") || "Today: {date}.";
    var pattern = line.getAttribute("data-cn-date-pattern") || "EEE d MMM y";
    var days = (line.getAttribute("data-cn-day-names") || DAYS).split("|");
    var months = (line.getAttribute("data-cn-month-names") || MONTHS).split("|");
    return text.replace("{date}", formatDate(now, pattern, days, months));
  }

  function show(element, shown) {
    element.hidden = !shown;
  }

  function update() {
    var now = new Date();
    // Local date and time as the page writes them: ISO strings compare as the dates do.
    var today = now.getFullYear() + "-" + pad(now.getMonth() + 1) + "-" + pad(now.getDate());
    var moment = today + "T" + pad(now.getHours()) + ":" + pad(now.getMinutes());
    var element, index;

    var badges = document.querySelectorAll('[data-cn-show="behind"][data-cn-end]');
    for (index = 0; index < badges.length; index++) {
      element = badges[index];
      show(element, element.getAttribute("data-cn-end") < today);
    }

    var panels = document.querySelectorAll(".cn-now");
    for (var p = 0; p < panels.length; p++) {
      var panel = panels[p];
      var dated = panel.querySelectorAll("[data-cn-show]");
      var next = 0;
      var current = false;
      for (index = 0; index < dated.length; index++) {
        element = dated[index];
        var rule = element.getAttribute("data-cn-show");
        var start = element.getAttribute("data-cn-start");
        var end = element.getAttribute("data-cn-end");
        var due = element.getAttribute("data-cn-due");
        if (rule === "week") {
          // The first week on today, as the build picks it (weeks may overlap).
          var on = !current && start <= today && today <= end;
          current = current || on;
          show(element, on);
        } else if (rule === "before") {
          show(element, today < start);
        } else if (rule === "after") {
          show(element, today > end);
        } else if (rule === "overdue") {
          show(element, due < moment);
        } else if (rule === "next") {
          var upcoming = due >= moment && next < NEXT_DUE;
          next += upcoming ? 1 : 0;
          show(element, upcoming);
        }
      }
      var groups = panel.querySelectorAll("[data-cn-group]");
      for (index = 0; index < groups.length; index++) {
        var group = groups[index];
        var shown = group.querySelectorAll(
          '[data-cn-show]:not([data-cn-show="none"]):not([hidden])');
        var none = group.querySelector('[data-cn-show="none"]');
        if (none) {
          show(none, shown.length === 0);
        }
      }
      var line = panel.querySelector("[data-cn-today]");
      if (line) {
        line.textContent = todayLine(line, now);
      }
    }
  }

  if (typeof window.document$ !== "undefined" && window.document$.subscribe) {
    window.document$.subscribe(update);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", update);
  } else {
    update();
  }
})();
