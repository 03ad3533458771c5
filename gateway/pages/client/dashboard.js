/*
 * /dashboard: every province the caller may see side by side (a sortable table, exported as
 * CSV), one indicator month by month for the provinces being compared, and a ranking. Loads
 * again when the token or the period changes.
 */
(function (LT) {
  'use strict';

  var $ = function (id) {
    return document.getElementById(id);
  };
  var METHODS = ['BANK_TRANSFER', 'E_WALLET', 'CARD', 'CASH'];
  var COLORS = ['#b3261e', '#1d5fa8', '#1f7a3f', '#a8620c', '#6b3fa0', '#00756f', '#8a5a44', '#c2185b'];
  var state = { loaded: null, table: null, compared: [], charts: {} };

  /* ---------- period ---------- */

  var pad = function (n) {
    return String(n).padStart(2, '0');
  };
  function thisMonth() {
    var now = new Date(Date.now() + 7 * 3600000);
    return now.getUTCFullYear() + '-' + pad(now.getUTCMonth() + 1);
  }
  function monthsBefore(month, count) {
    var index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 - count;
    return Math.floor(index / 12) + '-' + pad((index % 12) + 1);
  }
  /** The period's first and last days: whole months, the current one up to today. */
  function period() {
    var to = $('to').value || thisMonth();
    var from = $('from').value || monthsBefore(to, 11);
    var today = new Date(Date.now() + 7 * 3600000).toISOString().slice(0, 10);
    var end = new Date(Date.UTC(Number(to.slice(0, 4)), Number(to.slice(5, 7)), 0)).toISOString().slice(0, 10);
    return { from: from + '-01', to: end > today ? today : end, granularity: $('granularity').value };
  }
  function pointLabel(point) {
    var year = point.from.slice(0, 4);
    var month = Number(point.from.slice(5, 7));
    var granularity = $('granularity').value;
    if (granularity === 'YEAR') return year;
    if (granularity === 'QUARTER') return 'Quý ' + Math.ceil(month / 3) + '/' + year;
    return 'T' + month + '/' + year;
  }

  /* ---------- table ---------- */

  function shown(indicator) {
    return function (value) {
      return LT.format[indicator.show](value);
    };
  }
  function columns(loaded) {
    var list = [{ title: 'Tỉnh, thành phố', value: (row) => row.name }];
    LT.INDICATORS.forEach(function (indicator) {
      if (!loaded[indicator.source]) return;
      list.push({ title: indicator.title, numeric: true, value: (row) => LT.periodValue(indicator, row), show: shown(indicator) });
    });
    if (loaded.staffing) list.push({ title: 'Cơ quan', numeric: true, value: (row) => row.agencies, show: LT.format.number });
    if (loaded.payments) {
      METHODS.forEach(function (method) {
        list.push({
          title: 'Phí qua ' + LT.label('methods', method).toLowerCase(),
          numeric: true,
          value: (row) => (row.series.payments ? LT.methodTotal(row.series.payments, method) : null),
          show: LT.format.money,
        });
      });
    }
    return list;
  }

  function drawTable() {
    var loaded = state.loaded;
    state.columns = columns(loaded.loaded);
    state.table = LT.sortableTable($('overview-table'), state.columns, loaded.rows, {
      sortBy: state.columns.length > 1 ? 1 : 0,
      descending: true,
      selected: (row) => state.compared.indexOf(row.code) >= 0,
      onRowClick: function (row) {
        var at = state.compared.indexOf(row.code);
        if (at >= 0) state.compared.splice(at, 1);
        else state.compared.push(row.code);
        state.table.redraw();
        drawCharts();
      },
    });
  }

  /* ---------- charts ---------- */

  function indicator() {
    return LT.INDICATORS.filter((i) => i.key === $('indicator').value)[0];
  }

  function replaceChart(name, canvas, config) {
    if (state.charts[name]) state.charts[name].destroy();
    state.charts[name] = new window.Chart(canvas, config);
  }

  function drawCharts() {
    var chosen = indicator();
    var rows = state.loaded.rows.filter((row) => row.series[chosen.source]);
    $('definition').textContent = chosen.definition;
    var compared = rows.filter((row) => state.compared.indexOf(row.code) >= 0);
    var points = rows.length ? rows[0].series[chosen.source] : [];
    replaceChart('trend', $('trend-chart'), {
      type: 'line',
      data: {
        labels: points.map(pointLabel),
        datasets: compared.map(function (row, i) {
          return { label: row.name, data: row.series[chosen.source].map(chosen.point), borderColor: COLORS[i % COLORS.length], backgroundColor: COLORS[i % COLORS.length], tension: 0.2 };
        }),
      },
      options: { animation: false, responsive: true, maintainAspectRatio: false, plugins: { legend: { position: 'bottom' } } },
    });
    var ranked = rows
      .map((row) => ({ name: row.name, value: LT.periodValue(chosen, row) }))
      .filter((r) => r.value !== null)
      .sort((a, b) => b.value - a.value);
    $('ranking-chart').parentNode.style.height = Math.max(160, ranked.length * 22 + 60) + 'px';
    replaceChart('ranking', $('ranking-chart'), {
      type: 'bar',
      data: { labels: ranked.map((r) => r.name), datasets: [{ label: chosen.title, data: ranked.map((r) => r.value), backgroundColor: '#1d5fa8' }] },
      options: { indexAxis: 'y', animation: false, responsive: true, maintainAspectRatio: false, plugins: { legend: { display: false } } },
    });
  }

  /* ---------- loading ---------- */

  function describeCaller(claims) {
    if (!claims) return 'Chưa có token: dán token vào ô Token (npm run -s token -- --role ministry-analyst).';
    var where = claims.province ? LT.provinceName(claims.province) : 'toàn quốc';
    return LT.label('roles', claims.role) + ' — phạm vi: ' + where;
  }

  function chooseIndicators(loaded) {
    var select = $('indicator');
    var current = select.value;
    select.textContent = '';
    LT.INDICATORS.filter((i) => loaded[i.source]).forEach(function (i) {
      select.appendChild(LT.element('option', { value: i.key }, i.title));
    });
    if (current && select.querySelector('option[value="' + current + '"]')) select.value = current;
  }

  /** The provinces to compare at first: the largest by the first indicator the caller may see. */
  function largest(loaded, count) {
    var first = LT.INDICATORS.filter((i) => loaded.loaded[i.source])[0];
    if (!first) return [];
    return loaded.rows
      .slice()
      .sort((a, b) => (LT.periodValue(first, b) || 0) - (LT.periodValue(first, a) || 0))
      .slice(0, count)
      .map((row) => row.code);
  }

  function load() {
    var claims = LT.claims();
    $('who').textContent = describeCaller(claims);
    document.body.dataset.state = 'loading';
    if (!claims) {
      LT.showProblems($('overview-problems'), ['Chưa có mã truy cập (token).']);
      document.body.dataset.state = 'ready';
      return Promise.resolve();
    }
    var asked = period();
    return LT.loadIndicators(claims, asked).then(function (loaded) {
      state.loaded = loaded;
      var refused = Object.keys(LT.SOURCES).filter((name) => loaded.sources.indexOf(name) < 0);
      LT.showProblems(
        $('overview-problems'),
        refused
          .map((name) => LT.SOURCES[name].title + ': vai trò của bạn không có quyền xem chỉ số này, nên trang không hỏi.')
          .concat(
            loaded.sources.flatMap(function (name) {
              return loaded.problems[name].map((text) => LT.SOURCES[name].title + ': ' + text);
            }),
          ),
      );
      chooseIndicators(loaded.loaded);
      if (state.compared.length === 0) state.compared = largest(loaded, 5);
      drawTable();
      if ($('indicator').value) drawCharts();
      return LT.loadHealth(claims, $('health'));
    }).then(function () {
      document.body.dataset.state = 'ready';
    });
  }

  function exportSeries() {
    var chosen = indicator();
    var rows = state.loaded.rows.filter((row) => row.series[chosen.source]);
    var header = ['Tỉnh, thành phố', 'Mã', 'Từ ngày', 'Đến ngày', chosen.title];
    var lines = rows.flatMap((row) => row.series[chosen.source].map((p) => [row.name, row.code, p.from, p.to, chosen.point(p)]));
    LT.downloadCsv('chi-so-' + chosen.key + '.csv', header, lines);
  }

  $('to').value = thisMonth();
  $('from').value = monthsBefore(thisMonth(), 11);
  $('period').addEventListener('submit', function (event) {
    event.preventDefault();
    load();
  });
  $('indicator').addEventListener('change', drawCharts);
  $('export-table').addEventListener('click', function () {
    LT.tableCsv('cac-tinh.csv', state.columns, state.table.rows());
  });
  $('export-series').addEventListener('click', exportSeries);
  LT.setupIdentity(load);
})((window.LT = window.LT || {}));
