/**
 * The dashboard's stylesheet and the Mini App's script, served from the project itself (no CDN):
 * `/dasbor/aset/dasbor.css` and `/dasbor/aset/tg.js`.
 */
export const DASHBOARD_CSS = `
*{box-sizing:border-box}
body{margin:0;font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;color:#1b1f24;background:#f4f6f8}
header{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:center;padding:.6rem 1rem;background:#0b4f6c;color:#fff}
header a{color:#fff;text-decoration:none;padding:.2rem .5rem;border-radius:4px}
header a[aria-current=page]{background:rgba(255,255,255,.2)}
header nav{display:flex;gap:.25rem;flex-wrap:wrap}
.brand{font-size:1.1rem}
.signout{margin-left:auto;display:flex;gap:.5rem;align-items:center}
main{padding:1rem;max-width:72rem;margin:0 auto}
h1{font-size:1.35rem;margin:.2rem 0 1rem}
h2{font-size:1.1rem;margin:1.5rem 0 .5rem}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(9rem,1fr));gap:.6rem}
.card{background:#fff;border-radius:8px;padding:.7rem .9rem;box-shadow:0 1px 2px rgba(0,0,0,.08)}
.card b{display:block;font-size:1.6rem}
.card.bad b{color:#b42318}.card.warn b{color:#b54708}
.table{overflow-x:auto;background:#fff;border-radius:8px;box-shadow:0 1px 2px rgba(0,0,0,.08)}
table{border-collapse:collapse;width:100%;min-width:36rem}
th,td{text-align:left;padding:.45rem .6rem;border-bottom:1px solid #e4e7eb;vertical-align:top}
th{background:#eef2f5;font-weight:600}
td.num,th.num{text-align:right}
tr.late td{background:#fff4f2}
.badge{display:inline-block;white-space:nowrap;padding:0 .4rem;border-radius:4px;font-size:.8rem;background:#e4e7eb}
.badge.late{background:#fde2df;color:#912018}.badge.paused{background:#e0eaff;color:#1d3d8f}
form.filters{display:flex;flex-wrap:wrap;gap:.5rem;align-items:end;margin:0 0 1rem}
form.filters label{display:flex;flex-direction:column;font-size:.85rem}
input,select,button{font:inherit;padding:.35rem .5rem;border:1px solid #b8c0c8;border-radius:4px;background:#fff}
button,.button{background:#0b4f6c;color:#fff;border-color:#0b4f6c;cursor:pointer;text-decoration:none;padding:.4rem .8rem;border-radius:4px}
.signout button{background:transparent;border-color:#fff}
.message{background:#fff;padding:1rem;border-radius:8px}
.chart{background:#fff;border-radius:8px;padding:.5rem;margin:.5rem 0}
.chart img{width:100%;height:auto}
ol.timeline{padding-left:1.2rem}
.muted{color:#5b6670}
@media (max-width:40rem){main{padding:.6rem}.signout span{display:none}}
`;

/**
 * The Mini App's sign-in: Telegram opens the page with its signed init data in the URL fragment
 * (`#tgWebAppData=…`); the script posts it to the server, which verifies it, and on success the
 * dashboard opens. The fragment never reaches the server in a request line or a log.
 */
export const MINI_APP_JS = `(function () {
  var params = new URLSearchParams(location.hash.slice(1));
  var initData = params.get('tgWebAppData') || '';
  var status = document.getElementById('status');
  function fail(text) { status.textContent = text || status.getAttribute('data-failed'); }
  if (!initData) { fail(status.getAttribute('data-none')); return; }
  fetch('/dasbor/tg/masuk', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ initData: initData })
  }).then(function (response) {
    return response.json().then(function (body) {
      if (response.ok && body.ok) { location.replace('/dasbor'); } else { fail(body.message); }
    });
  }).catch(function () { fail(); });
})();
`;
