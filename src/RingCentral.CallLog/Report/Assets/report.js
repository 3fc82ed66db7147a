(function () {
  'use strict';
  // Sorting and filtering of the calls table; without script the table is complete and readable.
  var table = document.getElementById('calls');
  var tools = document.getElementById('tools');
  if (!table || !tools) { return; }
  var body = table.tBodies[0];
  var input = document.getElementById('filter');
  var shown = document.getElementById('shown');
  tools.hidden = false;
  function filter() {
    var words = input.value.toLowerCase().split(/\s+/).filter(Boolean);
    var n = 0;
    for (var i = 0; i < body.rows.length; i++) {
      var row = body.rows[i], text = row.textContent.toLowerCase();
      var hit = words.every(function (w) { return text.indexOf(w) >= 0; });
      row.hidden = !hit;
      if (hit) { n++; }
    }
    shown.textContent = n.toLocaleString('en-US');
  }
  input.addEventListener('input', filter);
  var heads = table.tHead.rows[0].cells;
  Array.prototype.forEach.call(heads, function (th, col) {
    if (th.hasAttribute('data-nosort')) { return; }
    var button = document.createElement('button');
    button.type = 'button';
    button.textContent = th.textContent;
    th.textContent = '';
    th.appendChild(button);
    button.addEventListener('click', function () {
      var dir = th.getAttribute('aria-sort') === 'ascending' ? -1 : 1;
      var numeric = th.hasAttribute('data-numeric');
      Array.prototype.forEach.call(heads, function (h) { h.removeAttribute('aria-sort'); });
      th.setAttribute('aria-sort', dir > 0 ? 'ascending' : 'descending');
      var rows = Array.prototype.slice.call(body.rows);
      rows.sort(function (a, b) {
        var x = a.cells[col].getAttribute('data-sort') || a.cells[col].textContent;
        var y = b.cells[col].getAttribute('data-sort') || b.cells[col].textContent;
        if (numeric) { x = +x; y = +y; } else { x = x.toLowerCase(); y = y.toLowerCase(); }
        return x < y ? -dir : x > y ? dir : 0;
      });
      rows.forEach(function (r) { body.appendChild(r); });
    });
  });
})();
