import { INDICATOR_DEFINITIONS } from './indicator-definitions';

/** Where a page finds its scripts and style (hashed routes under /pages/). */
export interface PageAssets {
  css: string;
  /** Scripts in the order they run: Chart.js first when the page draws charts, the page's own last. */
  scripts: string[];
}

/** Everything a page loads comes from the gateway itself, and nothing inline runs; the browser is told so. */
export const PAGES_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** JSON inside a data block: `<` escaped, so no value can close the element. */
const dataBlock = (config: unknown) => `<script type="application/json" id="lt-config">${JSON.stringify(config).replace(/</g, '\\u003c')}</script>`;

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function shell(title: string, assets: PageAssets, config: unknown, body: string): string {
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} — LiênThông</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${assets.css}">
</head>
<body data-state="loading">
${body}
${dataBlock(config)}
${assets.scripts.map((src) => `<script src="${src}"></script>`).join('\n')}
</body>
</html>
`;
}

const identity = (purpose: boolean) => `<form id="identity" autocomplete="off">
<label>Token <input id="token" type="password" spellcheck="false" placeholder="Dán mã truy cập (JWT)"></label>
${purpose ? '<label>Mục đích <input id="purpose" spellcheck="false" placeholder="Mục đích truy cập"></label>' : ''}
</form>`;

const nav = '<nav><a href="/dashboard">Bảng theo dõi</a><a href="/me">Dữ liệu của tôi</a><a href="/">Playground</a></nav>';

export function dashboardPage(assets: PageAssets, config: unknown): string {
  const definitions = INDICATOR_DEFINITIONS.map(({ title, definition }) => `<dt>${escapeHtml(title)}</dt><dd>${escapeHtml(definition)}</dd>`).join('\n');
  return shell(
    'Bảng theo dõi Đề án 06',
    assets,
    config,
    `<header class="top">
<h1>Bảng theo dõi Đề án 06 — chỉ số các tỉnh, thành phố</h1>
${nav}
${identity(false)}
<p id="who" role="status"></p>
</header>
<main>
<section class="panel wide" id="controls">
<form class="controls" id="period">
<label>Từ tháng <input type="month" id="from" required></label>
<label>Đến tháng <input type="month" id="to" required></label>
<label>Chu kỳ <select id="granularity"><option value="MONTH">Tháng</option><option value="QUARTER">Quý</option><option value="YEAR">Năm</option></select></label>
<button class="primary" type="submit">Cập nhật</button>
</form>
</section>
<section class="panel wide" id="overview">
<h2>So sánh các tỉnh, thành phố trong kỳ</h2>
<div class="problems" id="overview-problems" role="alert" hidden></div>
<p class="hint">Bấm tiêu đề cột để sắp xếp; bấm một dòng để thêm hoặc bớt tỉnh trong biểu đồ so sánh.</p>
<div class="table-wrap scroll" id="overview-table"></div>
<div class="actions"><button type="button" id="export-table">Xuất CSV bảng</button></div>
</section>
<section class="panel" id="trend">
<h2>Diễn biến theo thời gian</h2>
<form class="controls"><label>Chỉ số <select id="indicator"></select></label></form>
<p class="definition" id="definition"></p>
<div class="chart"><canvas id="trend-chart" role="img" aria-label="Diễn biến chỉ số theo thời gian"></canvas></div>
<div class="actions"><button type="button" id="export-series">Xuất CSV chuỗi số liệu</button></div>
</section>
<section class="panel" id="ranking">
<h2>Xếp hạng trong kỳ</h2>
<div class="chart"><canvas id="ranking-chart" role="img" aria-label="Xếp hạng các tỉnh theo chỉ số"></canvas></div>
</section>
<section class="panel wide" id="health" hidden>
<h2>Chất lượng dữ liệu: đúng, đủ, sạch, sống</h2>
<div class="problems" role="alert" hidden></div>
<p class="hint">Mỗi cơ sở dữ liệu tự kiểm tra bản ghi của mình và các tham chiếu từ cơ sở dữ liệu khác trỏ vào nó; chỉ có số đếm, không lộ bản ghi nào. Bấm một dòng để xem chi tiết.</p>
<div class="table-wrap scroll"></div>
<div class="detail"></div>
</section>
<section class="panel wide" id="definitions">
<h2>Định nghĩa chỉ số</h2>
<dl class="definitions">
${definitions}
</dl>
</section>
</main>`,
  );
}

export function mePage(assets: PageAssets, config: unknown): string {
  const group = (id: string, title: string) =>
    `<section class="panel" id="db-${id}"><h2>${title}</h2><div class="problems" role="alert" hidden></div><div class="content"></div></section>`;
  return shell(
    'Dữ liệu của tôi',
    assets,
    config,
    `<header class="top">
<h1>Dữ liệu của tôi — ai đã xem, khi nào, vì sao</h1>
${nav}
${identity(true)}
<p id="who" role="status"></p>
</header>
<main>
${group('residents', 'Cơ sở dữ liệu quốc gia về dân cư')}
${group('civil-servants', 'Cơ sở dữ liệu cán bộ, công chức, viên chức')}
${group('public-services', 'Cổng Dịch vụ công quốc gia: hồ sơ của tôi')}
${group('payments', 'Nền tảng thanh toán: phí, lệ phí của tôi')}
<section class="panel wide" id="access-log">
<h2>Ai đã xem dữ liệu của tôi</h2>
<form class="controls" id="log-filter">
<label>Từ ngày <input type="date" id="log-from"></label>
<label>Đến ngày <input type="date" id="log-to"></label>
<label>Cơ sở dữ liệu <select id="log-database">
<option value="">Tất cả</option>
<option value="residents">CSDL quốc gia về dân cư</option>
<option value="civil-servants">CSDL cán bộ, công chức, viên chức</option>
<option value="public-services">Cổng Dịch vụ công quốc gia</option>
<option value="payments">Nền tảng thanh toán</option>
<option value="audit">Nhật ký truy cập</option>
</select></label>
<button class="primary" type="submit">Lọc</button>
</form>
<div class="problems" id="log-problems" role="alert" hidden></div>
<p class="hint" id="log-count"></p>
<div class="table-wrap" id="log-table"></div>
<div class="actions"><button type="button" id="export-log">Xuất CSV</button></div>
</section>
</main>`,
  );
}
