/*
 * The dashboard's data-health panel: each province's figures from Province.dataHealth (one
 * request per province, a few at a time, as `npm run data-health` asks), summed per province,
 * and each database's detail for the province picked in the table.
 */
(function (LT) {
  'use strict';

  var CONCURRENCY = 4;
  var DATABASES = ['residents', 'civilServants', 'publicServices', 'payments'];

  var total = function (list, pick) {
    return list.reduce((n, item) => n + pick(item), 0);
  };

  function summary(province) {
    var databases = province.databases;
    var references = databases.flatMap((d) => d.references);
    return {
      code: province.code,
      name: province.name,
      databases: databases,
      records: total(databases, (d) => d.records),
      dangling: total(references, (r) => r.dangling),
      malformed: total(references, (r) => r.malformed),
      invalidIds: total(databases, (d) => d.invalidIds),
      empty: total(databases, (d) => total(d.fields, (f) => f.empty)),
      stale: total(databases, (d) => d.staleRecords),
      lastUpdatedAt: databases.map((d) => d.lastUpdatedAt).filter(Boolean).sort().pop() || null,
    };
  }

  var COLUMNS = [
    { title: 'Tỉnh, thành phố', value: (row) => row.name },
    { title: 'Bản ghi', numeric: true, value: (row) => row.records, show: LT.format.number },
    { title: 'Tham chiếu trỏ vào không đâu', numeric: true, value: (row) => row.dangling, show: LT.format.number },
    { title: 'Tham chiếu sai định dạng', numeric: true, value: (row) => row.malformed, show: LT.format.number },
    { title: 'Mã định danh không hợp lệ', numeric: true, value: (row) => row.invalidIds, show: LT.format.number },
    { title: 'Trường bỏ trống', numeric: true, value: (row) => row.empty, show: LT.format.number },
    { title: 'Bản ghi lâu không cập nhật', numeric: true, value: (row) => row.stale, show: LT.format.number },
    { title: 'Cập nhật gần nhất', value: (row) => row.lastUpdatedAt, show: LT.format.dateTime },
  ];

  function detail(container, row) {
    container.textContent = '';
    container.appendChild(LT.element('h3', {}, 'Chi tiết: ' + row.name));
    row.databases.forEach(function (d) {
      var block = LT.element('div', { class: 'database' });
      block.appendChild(LT.element('h4', {}, LT.label('databases', d.database)));
      block.appendChild(
        LT.element(
          'p',
          {},
          LT.format.number(d.records) + ' bản ghi · cập nhật gần nhất ' + LT.format.dateTime(d.lastUpdatedAt) + ' · ' + LT.format.number(d.staleRecords) + ' bản ghi quá ' + d.staleAfterDays + ' ngày không cập nhật',
        ),
      );
      var fields = LT.element('div', { class: 'table-wrap' });
      LT.sortableTable(fields, [
        { title: 'Trường', value: (f) => LT.label('fields', f.field) },
        { title: 'Có dữ liệu', numeric: true, value: (f) => f.filled, show: LT.format.number },
        { title: 'Bỏ trống', numeric: true, value: (f) => f.empty, show: LT.format.number },
      ], d.fields);
      block.appendChild(fields);
      if (d.references.length > 0) {
        var references = LT.element('div', { class: 'table-wrap' });
        LT.sortableTable(references, [
          { title: 'Tham chiếu', value: (r) => LT.label('fields', r.reference) },
          { title: 'Nơi lưu', value: (r) => LT.label('databases', r.holder) },
          { title: 'Số tham chiếu', numeric: true, value: (r) => r.held, show: LT.format.number },
          { title: 'Sai định dạng', numeric: true, value: (r) => r.malformed, show: LT.format.number },
          { title: 'Trỏ vào không đâu', numeric: true, value: (r) => r.dangling, show: LT.format.number },
        ], d.references);
        block.appendChild(references);
      }
      container.appendChild(block);
    });
  }

  /** Loads and shows the panel, or hides it for a caller without the scope. Resolves when done. */
  LT.loadHealth = function (claims, section) {
    section.hidden = claims.scopes.indexOf('data-health:aggregate') < 0;
    if (section.hidden) return Promise.resolve();
    var codes = claims.province ? [claims.province] : LT.config.provinces.map((p) => p.code);
    var health = LT.config.health;
    var found = [];
    var problems = [];
    var next = 0;
    function worker() {
      if (next >= codes.length) return Promise.resolve();
      var code = codes[next++];
      return LT.query(health.document, health.operation, { code: code }).then(function (result) {
        var province = result.data && result.data.province;
        problems.push.apply(problems, LT.problems(result).map((text) => LT.provinceName(code) + ': ' + text));
        if (province && province.dataHealth) {
          found.push({ code: province.code, name: province.name, databases: DATABASES.map((d) => province.dataHealth[d]).filter(Boolean) });
        }
        return worker();
      });
    }
    var workers = [];
    for (var i = 0; i < CONCURRENCY; i += 1) workers.push(worker());
    return Promise.all(workers).then(function () {
      LT.showProblems(section.querySelector('.problems'), problems);
      var rows = found.map(summary);
      var detailBox = section.querySelector('.detail');
      LT.sortableTable(section.querySelector('.table-wrap'), COLUMNS, rows, {
        sortBy: 2,
        descending: true,
        onRowClick: (row) => detail(detailBox, row),
      });
      if (rows.length === 1) detail(detailBox, rows[0]);
    });
  };
})((window.LT = window.LT || {}));
