namespace Assay.Migration.Outputs;

/// <summary>
/// The per-item review's style and its small inline script (no CDN, no request): sort by the
/// largest regression vs the source for a chosen candidate, filter to regressions, failed calls
/// or judge disagreement, and page through long tables. The controls are created by the script,
/// so a reader without JavaScript sees the plain table and no dead buttons.
/// </summary>
internal static class ItemReviewScript
{
    public const string Css = """
.review-wrap{overflow-x:auto}
table.review{width:100%;table-layout:fixed;font-size:.86rem}
table.review th.item-col{width:9rem}
table.review .text{white-space:pre-wrap;overflow-wrap:anywhere}
table.review code.id{font-size:.8rem;overflow-wrap:anywhere}
table.review details.doc summary{cursor:pointer;color:var(--muted)}
table.review details.doc[open] summary{margin-bottom:.3rem}
table.review ul.scores{list-style:none;padding:0;margin:.35rem 0 0;color:var(--muted);font-variant-numeric:tabular-nums;font-size:.8rem}
table.review .diff{margin:.35rem 0 0;font-weight:600;font-variant-numeric:tabular-nums}
table.review .diff.worse{color:var(--fail)}table.review .diff.better{color:var(--ok)}
table.review .error{color:var(--fail);margin:0}
table.review details.why{font-size:.8rem;margin-top:.3rem}
table.review details.why dl{display:block}
.muted{color:var(--muted)}
.flag{display:inline-block;font-size:.72rem;padding:0 .35rem;border-radius:3px;background:var(--fail-bg);color:var(--fail);margin-top:.2rem}
.review-controls{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:center;margin:.6rem 0}
.review-controls select,.review-controls button{font:inherit;padding:.2rem .4rem}
tr[hidden]{display:none}
@media (max-width:600px){table.review{table-layout:auto}.table-wrap.wide table.review td{display:block}.table-wrap.wide table.review td::before{display:block;margin-bottom:.15rem}}

""";

    public const string Js = """
(function () {
  'use strict';
  var table = document.getElementById('item-review');
  if (!table) { return; }
  var body = table.tBodies[0];
  var rows = Array.prototype.slice.call(body.rows);
  var names = (table.getAttribute('data-candidates') || '').split('|').filter(function (n) { return n.length > 0; });
  var pageSize = parseInt(table.getAttribute('data-page-size') || '0', 10) || 0;
  var page = 0;
  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    Object.keys(attrs).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text) { e.textContent = text; }
    return e;
  }
  var sort = el('select', { id: 'review-sort' });
  sort.appendChild(el('option', { value: '' }, 'dataset order'));
  names.forEach(function (n, i) { sort.appendChild(el('option', { value: String(i) }, 'largest regression vs source: ' + n)); });
  var filter = el('select', { id: 'review-filter' });
  [['all', 'all items'], ['regressions', 'regressions'], ['failed', 'failed calls'], ['disagree', 'judge disagreement']]
    .forEach(function (o) { filter.appendChild(el('option', { value: o[0] }, o[1])); });
  var prev = el('button', { type: 'button', id: 'review-prev' }, 'Previous page');
  var next = el('button', { type: 'button', id: 'review-next' }, 'Next page');
  var status = el('span', { id: 'review-status', role: 'status' });
  var bar = el('div', { 'class': 'review-controls' });
  var sortLabel = el('label', {}, 'Sort: '); sortLabel.appendChild(sort); bar.appendChild(sortLabel);
  var filterLabel = el('label', {}, 'Show: '); filterLabel.appendChild(filter); bar.appendChild(filterLabel);
  if (pageSize > 0) { bar.appendChild(prev); bar.appendChild(next); }
  bar.appendChild(status);
  table.parentNode.parentNode.insertBefore(bar, table.parentNode);
  function reg(row, i) {
    var v = parseFloat(row.getAttribute('data-reg-' + i));
    return isNaN(v) ? -Infinity : v;
  }
  function regressed(row) {
    if (sort.value !== '') { return reg(row, sort.value) > 0; }
    for (var i = 0; i < names.length; i++) { if (reg(row, i) > 0) { return true; } }
    return false;
  }
  function keep(row) {
    if (filter.value === 'regressions') { return regressed(row); }
    if (filter.value === 'failed') { return row.hasAttribute('data-failed'); }
    if (filter.value === 'disagree') { return row.hasAttribute('data-disagree'); }
    return true;
  }
  function order(row) { return parseInt(row.getAttribute('data-order'), 10); }
  function apply() {
    var list = rows.slice();
    if (sort.value !== '') {
      var i = sort.value;
      // Largest regression first; items without a difference last; ties in dataset order.
      list.sort(function (a, b) {
        var ra = reg(a, i), rb = reg(b, i);
        if (ra !== rb) { return rb > ra ? 1 : -1; }
        return order(a) - order(b);
      });
    } else {
      list.sort(function (a, b) { return order(a) - order(b); });
    }
    var shown = list.filter(keep);
    var pages = pageSize > 0 ? Math.max(1, Math.ceil(shown.length / pageSize)) : 1;
    page = Math.max(0, Math.min(page, pages - 1));
    rows.forEach(function (r) { r.hidden = true; });
    shown.forEach(function (r, k) { r.hidden = pageSize > 0 && Math.floor(k / pageSize) !== page; });
    list.forEach(function (r) { body.appendChild(r); });
    status.textContent = shown.length + ' of ' + rows.length + ' items shown' + (pageSize > 0 ? ', page ' + (page + 1) + ' of ' + pages : '') + '.';
    prev.disabled = page === 0;
    next.disabled = page >= pages - 1;
  }
  sort.addEventListener('change', function () { page = 0; apply(); });
  filter.addEventListener('change', function () { page = 0; apply(); });
  prev.addEventListener('click', function () { page -= 1; apply(); });
  next.addEventListener('click', function () { page += 1; apply(); });
  apply();
}());
""";
}
