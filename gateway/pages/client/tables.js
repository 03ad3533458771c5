/*
 * Sortable tables and CSV export for LiênThông's pages. A table is described by its columns
 * (a heading, how to read a row's value, how to show it) and drawn from rows; clicking a
 * heading sorts by it, again reverses. Export writes what is shown, in the order shown.
 */
(function (LT) {
  'use strict';

  var collator = new Intl.Collator('vi');

  function compare(a, b) {
    if (a === b) return 0;
    if (a === null || a === undefined) return 1;
    if (b === null || b === undefined) return -1;
    return typeof a === 'number' && typeof b === 'number' ? a - b : collator.compare(String(a), String(b));
  }

  /**
   * Draws `rows` into `container` as a table; returns a handle whose `rows()` are the rows in the
   * order shown. `options.onRowClick(row)` makes rows selectable; `options.selected(row)` marks them.
   */
  LT.sortableTable = function (container, columns, rows, options) {
    options = options || {};
    var state = { column: options.sortBy === undefined ? -1 : options.sortBy, descending: !!options.descending };
    var ordered = rows.slice();

    function sort() {
      ordered = rows.slice();
      if (state.column < 0) return;
      var value = columns[state.column].value;
      ordered.sort(function (a, b) {
        var order = compare(value(a), value(b));
        return state.descending ? -order : order;
      });
    }

    function draw() {
      sort();
      var table = LT.element('table', { class: 'data' });
      var head = table.createTHead().insertRow();
      columns.forEach(function (column, index) {
        var cell = LT.element('th', { scope: 'col', class: column.numeric ? 'number' : '' });
        var button = LT.element('button', { type: 'button', title: 'Sắp xếp theo ' + column.title }, column.title);
        if (index === state.column) cell.setAttribute('aria-sort', state.descending ? 'descending' : 'ascending');
        button.addEventListener('click', function () {
          state.descending = state.column === index ? !state.descending : column.numeric === true;
          state.column = index;
          draw();
        });
        cell.appendChild(button);
        head.appendChild(cell);
      });
      var body = table.createTBody();
      ordered.forEach(function (row) {
        var tr = body.insertRow();
        if (options.selected && options.selected(row)) tr.className = 'selected';
        if (options.onRowClick) {
          tr.tabIndex = 0;
          tr.addEventListener('click', function () {
            options.onRowClick(row);
          });
        }
        columns.forEach(function (column) {
          var value = column.value(row);
          var cell = tr.insertCell();
          if (column.numeric) cell.className = 'number';
          cell.textContent = column.show ? column.show(value, row) : value === null || value === undefined ? '—' : String(value);
        });
      });
      container.textContent = '';
      container.appendChild(table);
    }

    draw();
    return {
      rows: function () {
        return ordered;
      },
      redraw: draw,
    };
  };

  function csvCell(value) {
    var text = value === null || value === undefined ? '' : String(value);
    return /[",\n;]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
  }

  /** Saves rows as a CSV file (UTF-8 with a byte-order mark, so spreadsheets read the diacritics). */
  LT.downloadCsv = function (fileName, header, rows) {
    var text = [header].concat(rows).map(function (row) {
      return row.map(csvCell).join(',');
    });
    var blob = new Blob(['\ufeff' + text.join('\r\n') + '\r\n'], { type: 'text/csv;charset=utf-8' });
    var link = LT.element('a', { href: URL.createObjectURL(blob), download: fileName });
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () {
      URL.revokeObjectURL(link.href);
    }, 1000);
  };

  /** A table's shown rows as CSV: raw values (not formatted), one column per column. */
  LT.tableCsv = function (fileName, columns, rows) {
    LT.downloadCsv(
      fileName,
      columns.map(function (column) {
        return column.title;
      }),
      rows.map(function (row) {
        return columns.map(function (column) {
          return column.value(row);
        });
      }),
    );
  };
})((window.LT = window.LT || {}));
