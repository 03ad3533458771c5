/*
 * The dashboard's indicators: which operation and series each comes from, what one point of it
 * is, and what the whole period is (a level at its end, or a sum over it, or a ratio of sums).
 * Also how the dashboard loads them: one request per source the caller's scopes allow, for the
 * caller's own province or for every province, merged into one row per province.
 */
(function (LT) {
  'use strict';

  var ratio = function (part, whole) {
    return whole > 0 ? part / whole : null;
  };
  var sum = function (points, field) {
    return points.reduce(function (n, p) {
      return n + p[field];
    }, 0);
  };
  var last = function (points, field) {
    return points.length ? points[points.length - 1][field] : null;
  };

  /** Each source: the operations of one subgraph's indicator (see gateway/pages/operations.ts) and the series field it answers. */
  LT.SOURCES = {
    population: { series: 'populationSeries', title: 'Dân số' },
    staffing: { series: 'staffingSeries', title: 'Cán bộ, công chức, viên chức' },
    dossiers: { series: 'dossierSeries', title: 'Hồ sơ dịch vụ công' },
    payments: { series: 'paymentSeries', title: 'Phí, lệ phí' },
  };

  /** The indicators, each with its title and definition from the page's config (gateway/pages/indicator-definitions.ts). */
  LT.INDICATORS = [
    {
      key: 'population',
      source: 'population',
      show: 'number',
      point: function (p) {
        return p.total;
      },
      period: function (points) {
        return last(points, 'total');
      },
    },
    {
      key: 'civilServants',
      source: 'staffing',
      show: 'number',
      point: function (p) {
        return p.civilServants;
      },
      period: function (points) {
        return last(points, 'civilServants');
      },
    },
    {
      key: 'received',
      source: 'dossiers',
      show: 'number',
      point: function (p) {
        return p.received;
      },
      period: function (points) {
        return sum(points, 'received');
      },
    },
    {
      key: 'onlineShare',
      source: 'dossiers',
      show: 'percent',
      point: function (p) {
        return ratio(p.online, p.received);
      },
      period: function (points) {
        return ratio(sum(points, 'online'), sum(points, 'received'));
      },
    },
    {
      key: 'onTimeRate',
      source: 'dossiers',
      show: 'percent',
      point: function (p) {
        return ratio(p.completedOnTime, p.completed);
      },
      period: function (points) {
        return ratio(sum(points, 'completedOnTime'), sum(points, 'completed'));
      },
    },
    {
      key: 'overdue',
      source: 'dossiers',
      show: 'number',
      point: function (p) {
        return p.overdue;
      },
      period: function (points) {
        return sum(points, 'overdue');
      },
    },
    {
      key: 'amountPaid',
      source: 'payments',
      show: 'money',
      point: function (p) {
        return p.amountPaid;
      },
      period: function (points) {
        return sum(points, 'amountPaid');
      },
    },
  ];

  LT.INDICATORS.forEach(function (indicator) {
    indicator.title = LT.config.definitions[indicator.key].title;
    indicator.definition = LT.config.definitions[indicator.key].definition;
  });

  /** Sums of one payment method over a period's points. */
  LT.methodTotal = function (points, method) {
    return points.reduce(function (n, p) {
      var found = p.byMethod.filter(function (m) {
        return m.method === method;
      })[0];
      return n + (found ? found.amountPaid : 0);
    }, 0);
  };

  /**
   * Loads every source the caller may read; resolves to `{ rows, problems, loaded }`: a row per
   * province with each source's points (null where it failed), the problems of each source in
   * words, and which sources answered at all.
   */
  LT.loadIndicators = function (claims, variables) {
    var sources = Object.keys(LT.SOURCES).filter(function (name) {
      return claims.scopes.indexOf(LT.config.indicators[name].scope) >= 0;
    });
    return Promise.all(
      sources.map(function (name) {
        var operations = LT.config.indicators[name];
        var own = claims.province !== null;
        var asked = own ? Object.assign({ code: claims.province }, variables) : variables;
        return LT.query(operations.document, own ? operations.one : operations.all, asked).then(function (result) {
          var provinces = result.data ? (own ? [result.data.province] : result.data.provinces) : [];
          return { name: name, provinces: (provinces || []).filter(Boolean), problems: LT.problems(result) };
        });
      }),
    ).then(function (answers) {
      var rows = {};
      var problems = {};
      var loaded = {};
      answers.forEach(function (answer) {
        problems[answer.name] = answer.problems;
        answer.provinces.forEach(function (province) {
          var row = (rows[province.code] = rows[province.code] || { code: province.code, name: province.name, series: {}, agencies: null });
          var points = province[LT.SOURCES[answer.name].series];
          row.series[answer.name] = points || null;
          if (points) loaded[answer.name] = true;
          if (province.staffing) row.agencies = province.staffing.agencies;
        });
      });
      return { sources: sources, rows: Object.keys(rows)
          .sort()
          .map(function (code) {
            return rows[code];
          }), problems: problems, loaded: loaded };
    });
  };

  /** An indicator's value for a row over the whole period, or null when its source did not answer. */
  LT.periodValue = function (indicator, row) {
    var points = row.series[indicator.source];
    return points ? indicator.period(points) : null;
  };
})((window.LT = window.LT || {}));
