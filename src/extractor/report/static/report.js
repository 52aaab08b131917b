// The report's only script: sorting and filtering tables, and following a mark in the text
// to its details. Everything still reads without it.
(function () {
  "use strict";

  function cellValue(row, column, numeric) {
    var cell = row.cells[column];
    var raw = cell.hasAttribute("data-value") ? cell.getAttribute("data-value") : cell.textContent;
    return numeric ? parseFloat(raw) || 0 : raw.trim().toLowerCase();
  }

  document.querySelectorAll("table.sortable").forEach(function (table) {
    var headers = Array.prototype.slice.call(table.tHead.rows[0].cells);
    headers.forEach(function (header, column) {
      var button = header.querySelector("button");
      if (!button) { return; }
      button.addEventListener("click", function () {
        var ascending = header.getAttribute("aria-sort") !== "ascending";
        headers.forEach(function (other) { other.removeAttribute("aria-sort"); });
        header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        var numeric = header.getAttribute("data-type") === "number";
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = cellValue(a, column, numeric), y = cellValue(b, column, numeric);
          var order = x < y ? -1 : x > y ? 1 : 0;
          return ascending ? order : -order;
        });
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });
  });

  document.querySelectorAll("input[data-filter]").forEach(function (input) {
    var table = document.getElementById(input.getAttribute("data-filter"));
    var counter = document.querySelector('[data-count-for="' + table.id + '"]');
    input.addEventListener("input", function () {
      var words = input.value.toLowerCase().split(/\s+/).filter(Boolean);
      var rows = Array.prototype.slice.call(table.tBodies[0].rows);
      var shown = 0;
      rows.forEach(function (row) {
        var text = row.getAttribute("data-search") || "";
        var match = words.every(function (word) { return text.indexOf(word) !== -1; });
        row.hidden = !match;
        if (match) { shown += 1; }
      });
      if (counter) { counter.textContent = shown + " of " + rows.length; }
    });
  });

  // A click on a mark in the article leads to its card: the innermost mark wins, so a name
  // inside a quote opens the person, the rest of the quote opens the quote.
  var text = document.getElementById("article-text");
  if (text) {
    text.addEventListener("click", function (event) {
      var mark = event.target.closest("[data-person], [data-quote], [data-troop]");
      if (!mark || window.getSelection().toString()) { return; }
      var target = mark.hasAttribute("data-person") ? "person-" + mark.getAttribute("data-person")
        : mark.hasAttribute("data-quote") ? "card-" + mark.getAttribute("data-quote")
        : "card-" + mark.getAttribute("data-troop");
      if (document.getElementById(target)) { window.location.hash = target; }
    });
  }

  // Printing opens every folded list, so the paper holds what the screen can unfold.
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("details").forEach(function (details) { details.open = true; });
  });
})();
