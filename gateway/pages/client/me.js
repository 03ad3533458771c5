/*
 * /me: a citizen's own record, grouped by the national database each part comes from, and who
 * read their data — when, in what role and province, why, and which databases' fields — over a
 * period and for one database if they choose. The personal ID is the token's subject.
 */
(function (LT) {
  'use strict';

  var $ = (id) => document.getElementById(id);
  var GROUPS = ['residents', 'civil-servants', 'public-services', 'payments'];
  var state = { log: [] };

  /** The database a field of the record comes from, as the supergraph routes it. */
  var databaseOf = (coordinate) => LT.config.fieldDatabases[coordinate] || 'residents';

  function facts(container, rows) {
    var list = LT.element('dl', { class: 'facts' });
    rows.forEach(function (row) {
      list.appendChild(LT.element('dt', {}, row[0]));
      list.appendChild(LT.element('dd', {}, row[1] === null || row[1] === undefined || row[1] === '' ? '—' : String(row[1])));
    });
    container.appendChild(list);
  }

  function table(container, columns, rows, empty) {
    if (!rows || rows.length === 0) return container.appendChild(LT.element('p', { class: 'empty' }, empty));
    var wrap = LT.element('div', { class: 'table-wrap' });
    LT.sortableTable(wrap, columns, rows);
    container.appendChild(wrap);
  }

  var RENDER = {
    residents: function (box, c) {
      facts(box, [
        ['Họ và tên', c.fullName],
        ['Số định danh cá nhân', c.personalId],
        ['Giới tính', LT.label('sex', c.sex)],
        ['Ngày sinh', LT.format.date(c.birthDate)],
        ['Dân tộc', c.ethnicity],
        ['Tôn giáo', c.religion || 'Không'],
        ['Tình trạng hôn nhân', LT.label('marital', c.maritalStatus)],
        ['Quốc tịch', c.nationality === 'VN' ? 'Việt Nam' : c.nationality],
        ['Điện thoại', c.phone],
        ['Thư điện tử', c.email],
        ['Nơi thường trú', c.address],
        ['Tỉnh, thành phố', c.province && c.province.name],
      ]);
      var members = (c.household && c.household.members) || [];
      box.appendChild(LT.element('h3', {}, 'Hộ gia đình'));
      box.appendChild(LT.element('p', { class: 'hint' }, 'Bạn chỉ xem được dữ liệu của chính mình: các thành viên khác trong hộ tự xem phần của họ.'));
      table(box, [{ title: 'Họ và tên', value: (m) => m.fullName }, { title: 'Quan hệ với chủ hộ', value: (m) => LT.label('relationship', m.relationshipToHead) }], members, 'Không có.');
    },
    'civil-servants': function (box, c) {
      var s = c.civilServant;
      if (!s) return box.appendChild(LT.element('p', { class: 'empty' }, 'Bạn không có hồ sơ cán bộ, công chức, viên chức.'));
      facts(box, [
        ['Chức vụ', s.position],
        ['Cơ quan', s.agency && s.agency.name],
        ['Ngạch', s.rank && s.rank.name],
        ['Ngày vào làm', LT.format.date(s.startDate)],
      ]);
    },
    'public-services': function (box, c) {
      table(
        box,
        [
          { title: 'Mã hồ sơ', value: (d) => d.code },
          { title: 'Thủ tục', value: (d) => d.procedure && d.procedure.name },
          { title: 'Trạng thái', value: (d) => LT.label('dossierStatus', d.status) },
          { title: 'Ngày nộp', value: (d) => d.submittedAt, show: LT.format.dateTime },
          { title: 'Ngày giải quyết', value: (d) => d.completedAt, show: LT.format.dateTime },
        ],
        c.dossiers,
        'Bạn chưa nộp hồ sơ nào.',
      );
    },
    payments: function (box, c) {
      table(
        box,
        [
          { title: 'Số tiền', numeric: true, value: (p) => p.amount, show: LT.format.money },
          { title: 'Phương thức', value: (p) => LT.label('methods', p.method) },
          { title: 'Trạng thái', value: (p) => LT.label('paymentStatus', p.status) },
          { title: 'Ngày thanh toán', value: (p) => p.paidAt, show: LT.format.dateTime },
          { title: 'Hồ sơ', value: (p) => p.dossier && p.dossier.code },
        ],
        c.payments,
        'Bạn chưa có khoản thanh toán nào.',
      );
    },
  };

  function showRecord(result) {
    var citizen = result.data && result.data.citizen;
    GROUPS.forEach(function (group) {
      var section = $('db-' + group);
      var box = section.querySelector('.content');
      box.textContent = '';
      var own = { errors: result.errors.filter((e) => !e.path || databaseOf('Citizen.' + e.path[1]) === group) };
      LT.showProblems(section.querySelector('.problems'), LT.problems(own));
      if (citizen) RENDER[group](box, citizen);
    });
  }

  /* ---------- the access log ---------- */

  function whoRead(record, self) {
    return record.subject === self ? 'Chính bạn' : record.subject;
  }
  function databasesOf(record) {
    return record.fields.map(databaseOf).filter((d, i, all) => all.indexOf(d) === i);
  }

  var LOG_COLUMNS = [
    { title: 'Thời điểm', value: (r) => r.at, show: LT.format.dateTime },
    { title: 'Người xem', value: (r) => r.reader },
    { title: 'Vai trò', value: (r) => LT.label('roles', r.role) },
    { title: 'Đơn vị', value: (r) => (r.role === 'citizen' ? '—' : r.province ? LT.provinceName(r.province) : 'Trung ương') },
    { title: 'Mục đích', value: (r) => r.purpose },
    { title: 'Cơ sở dữ liệu', value: (r) => databasesOf(r).map((d) => LT.label('databases', d)).join('; ') },
    { title: 'Dữ liệu đã xem', value: (r) => r.fields.join(', ') },
  ];

  function showLog() {
    var database = $('log-database').value;
    var rows = state.log.filter((r) => !database || databasesOf(r).indexOf(database) >= 0);
    state.logTable = LT.sortableTable($('log-table'), LOG_COLUMNS, rows, { sortBy: 0, descending: true });
    $('log-count').textContent = LT.format.number(rows.length) + ' lượt xem';
  }

  function loadLog(personalId) {
    var from = $('log-from').value || null;
    var to = $('log-to').value || null;
    return LT.query(LT.config.me.accessLog, 'MyAccessLog', { personalId: personalId, from: from, to: to }).then(function (result) {
      var citizen = result.data && result.data.citizen;
      state.log = ((citizen && citizen.accessLog) || []).map((r) => Object.assign({ reader: whoRead(r, personalId) }, r));
      LT.showProblems($('log-problems'), LT.problems(result));
      showLog();
    });
  }

  function load() {
    var claims = LT.claims();
    document.body.dataset.state = 'loading';
    var personalId = claims && /^\d{12}$/.test(claims.subject) ? claims.subject : null;
    $('who').textContent = personalId ? 'Số định danh ' + personalId : 'Đăng nhập bằng tài khoản định danh điện tử (VNeID): dán token công dân vào ô Token.';
    if (!personalId) {
      document.body.dataset.state = 'ready';
      return Promise.resolve();
    }
    return Promise.all([LT.query(LT.config.me.record, 'MyRecord', { personalId: personalId }).then(showRecord), loadLog(personalId)]).then(function () {
      document.body.dataset.state = 'ready';
    });
  }

  $('log-filter').addEventListener('submit', function (event) {
    event.preventDefault();
    load();
  });
  $('log-database').addEventListener('change', showLog);
  $('export-log').addEventListener('click', function () {
    LT.tableCsv('nhat-ky-truy-cap.csv', LOG_COLUMNS, state.logTable ? state.logTable.rows() : []);
  });
  LT.setupIdentity(load, 'Xem dữ liệu của tôi');
})((window.LT = window.LT || {}));
