/*
 * What LiênThông's own pages share: the caller's identity (the Token field, as in the
 * playground, or a #token= fragment for scripted use), requests to /graphql with it, refusals
 * and failures in words, Vietnamese number and date formats, sortable tables and CSV export.
 * A classic script: it defines window.LT, which the page scripts after it use.
 */
(function (LT) {
  'use strict';

  var GRAPHQL = '/graphql';
  LT.config = JSON.parse(document.getElementById('lt-config').textContent);

  /* ---------- identity ---------- */

  function remembered(key) {
    try {
      return window.sessionStorage.getItem(key) || '';
    } catch (error) {
      return '';
    }
  }
  function remember(key, value) {
    try {
      window.sessionStorage.setItem(key, value);
    } catch (error) {
      // Storage refused (private mode): the fields still work for this page.
    }
  }

  /** A token or purpose in the URL fragment wins, then leaves the address bar and the history. */
  function fromFragment() {
    var params = new URLSearchParams(window.location.hash.replace(/^#/, ''));
    var found = { token: params.get('token') || '', purpose: params.get('purpose') || '' };
    if (found.token || found.purpose) window.history.replaceState(null, '', window.location.pathname + window.location.search);
    return found;
  }

  /** What the page may assume of its caller, read from the token (the gateway verifies it; the page only adapts). */
  LT.claims = function () {
    var parts = LT.identity.token.replace(/^Bearer\s+/i, '').split('.');
    if (parts.length !== 3) return null;
    try {
      var bytes = Uint8Array.from(window.atob(parts[1].replace(/-/g, '+').replace(/_/g, '/')), function (c) {
        return c.charCodeAt(0);
      });
      var claims = JSON.parse(new TextDecoder().decode(bytes));
      return {
        subject: claims.sub || '',
        role: claims.role || '',
        scopes: typeof claims.scope === 'string' ? claims.scope.split(' ') : [],
        province: typeof claims.province === 'string' && claims.province !== 'national' ? claims.province : null,
      };
    } catch (error) {
      return null;
    }
  };

  LT.identity = { token: '', purpose: '' };

  /** Wires the Token (and Purpose) fields; calls `changed` at start and whenever the identity changes. */
  LT.setupIdentity = function (changed, defaultPurpose) {
    var tokenField = document.getElementById('token');
    var purposeField = document.getElementById('purpose');
    var fragment = fromFragment();
    tokenField.value = fragment.token || remembered('lienthong:token');
    if (purposeField) purposeField.value = fragment.purpose || remembered('lienthong:purpose') || defaultPurpose || '';
    function update() {
      LT.identity.token = tokenField.value.trim();
      LT.identity.purpose = purposeField ? purposeField.value.trim() : '';
      remember('lienthong:token', LT.identity.token);
      if (purposeField) remember('lienthong:purpose', LT.identity.purpose);
      changed();
    }
    tokenField.addEventListener('change', update);
    if (purposeField) purposeField.addEventListener('change', update);
    update();
  };

  /* ---------- requests ---------- */

  /**
   * Sends one operation with the caller's token (and purpose, percent-encoded: header values are
   * ISO-8859-1). Never throws: the result holds what came back, or why nothing did.
   */
  LT.query = function (document, operationName, variables) {
    var headers = { 'content-type': 'application/json' };
    if (LT.identity.token) headers.authorization = /^Bearer /i.test(LT.identity.token) ? LT.identity.token : 'Bearer ' + LT.identity.token;
    if (LT.identity.purpose) headers['x-purpose'] = encodeURIComponent(LT.identity.purpose);
    return window
      .fetch(GRAPHQL, { method: 'POST', headers: headers, body: JSON.stringify({ query: document, operationName: operationName, variables: variables || {} }) })
      .then(function (response) {
        return response.json().then(
          function (body) {
            return { status: response.status, data: body.data || null, errors: body.errors || [] };
          },
          function () {
            return { status: response.status, data: null, errors: [{ message: 'not JSON', extensions: { code: 'NETWORK' } }] };
          },
        );
      })
      .catch(function () {
        return { status: 0, data: null, errors: [{ message: 'no answer', extensions: { code: 'NETWORK' } }] };
      });
  };

  var MESSAGES = {
    NETWORK: 'Không kết nối được tới cổng LiênThông.',
    UNAUTHENTICATED: 'Chưa có mã truy cập (token) hợp lệ: dán token vào ô Token, hoặc token đã hết hạn.',
    FORBIDDEN: 'Ngoài phạm vi quản lý của bạn.',
    UNAUTHORIZED_FIELD_OR_TYPE: 'Vai trò của bạn không được xem dữ liệu này.',
    PURPOSE_REQUIRED: 'Cần nêu mục đích truy cập (ô Mục đích).',
    AUDIT_UNAVAILABLE: 'Không ghi được nhật ký truy cập, nên dữ liệu không được trả về.',
    SUBGRAPH_UNAVAILABLE: 'Cơ sở dữ liệu nguồn tạm thời không phản hồi.',
    RATE_LIMITED: 'Đã vượt hạn mức truy vấn; vui lòng thử lại sau ít phút.',
    COST_LIMIT_EXCEEDED: 'Truy vấn quá lớn; hãy chọn khoảng thời gian ngắn hơn.',
    DOCUMENT_NOT_TRUSTED: 'Truy vấn này không nằm trong danh mục được phép.',
    BAD_USER_INPUT: 'Tham số không hợp lệ (khoảng thời gian tối đa 5 năm, từ ngày trước đến ngày).',
  };

  /** The distinct problems of a result, in words, each once: what a panel shows instead of (or beside) its data. */
  LT.problems = function (result) {
    var seen = {};
    return result.errors
      .map(function (error) {
        var code = (error.extensions && error.extensions.code) || 'INTERNAL_SERVER_ERROR';
        return (MESSAGES[code] || 'Không tải được dữ liệu') + ' (' + code + ')';
      })
      .filter(function (text) {
        if (seen[text]) return false;
        seen[text] = true;
        return true;
      });
  };

  /** Shows a panel's problems in its message box, or hides the box. */
  LT.showProblems = function (box, problems) {
    box.textContent = '';
    box.hidden = problems.length === 0;
    problems.forEach(function (text) {
      var line = document.createElement('p');
      line.textContent = text;
      box.appendChild(line);
    });
  };

  /* ---------- formats ---------- */

  var NUMBER = new Intl.NumberFormat('vi-VN');
  var PERCENT = new Intl.NumberFormat('vi-VN', { style: 'percent', maximumFractionDigits: 1 });
  var MONEY = new Intl.NumberFormat('vi-VN', { style: 'currency', currency: 'VND', maximumFractionDigits: 0 });
  var DAY = { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'Asia/Ho_Chi_Minh' };
  var DATE_TIME = new Intl.DateTimeFormat('vi-VN', Object.assign({ hour: '2-digit', minute: '2-digit' }, DAY));
  var DATE = new Intl.DateTimeFormat('vi-VN', DAY);

  LT.format = {
    number: function (n) {
      return n === null || n === undefined ? '—' : NUMBER.format(n);
    },
    percent: function (n) {
      return n === null || n === undefined ? '—' : PERCENT.format(n);
    },
    money: function (n) {
      return n === null || n === undefined ? '—' : MONEY.format(n);
    },
    dateTime: function (text) {
      return text ? DATE_TIME.format(new Date(text)) : '—';
    },
    date: function (text) {
      return text ? DATE.format(new Date(text.length === 10 ? text + 'T00:00:00+07:00' : text)) : '—';
    },
  };

  LT.element = function (tag, attributes, text) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) {
      node.setAttribute(name, attributes[name]);
    });
    if (text !== undefined) node.textContent = text;
    return node;
  };
})((window.LT = window.LT || {}));
