namespace Assay.Reporting.Html;

/// <summary>
/// The report's only stylesheet, inlined so the file reads offline with no assets: system fonts,
/// a readable measure, charts that shrink on narrow screens, tables that scroll sideways
/// instead of squashing, and print rules that keep figures and tables whole.
/// </summary>
internal static class ReportStyles
{
    public const string Css = """
:root{--fg:#1f2328;--muted:#57606a;--line:#d0d7de;--bg:#ffffff;--soft:#f6f8fa;--ok:#1a7f37;--ok-bg:#e9f6ec;--warn:#9a6700;--warn-bg:#fff8e1;--fail:#b3261e;--fail-bg:#fdecea;--info:#0969da;--info-bg:#eaf2fd}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;background:var(--bg);color:var(--fg);font:16px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
main{max-width:1360px;margin:0 auto;padding:24px 20px 48px}
h1{font-size:1.75rem;line-height:1.25;margin:0 0 .25rem}
h2{font-size:1.35rem;margin:2.2rem 0 .6rem;padding-bottom:.3rem;border-bottom:1px solid var(--line)}
h3{font-size:1.1rem;margin:1.5rem 0 .4rem}
p,ul,dl{margin:.5rem 0 .9rem;max-width:75ch}
.meta{color:var(--muted);font-size:.92rem;margin:0 0 1.2rem}
nav.toc{background:var(--soft);border:1px solid var(--line);border-radius:6px;padding:.6rem 1rem;margin:1rem 0 1.5rem}
nav.toc h2{font-size:1rem;margin:0 0 .3rem;border:0;padding:0}
nav.toc ol{margin:0;padding-left:1.4rem}
a{color:var(--info)}
figure{margin:1.2rem 0 1.6rem;break-inside:avoid;page-break-inside:avoid}
.chart{overflow-x:auto}
figure svg{display:block;max-width:100%;height:auto;border:1px solid var(--line);border-radius:4px}
figcaption,caption{color:var(--muted);font-size:.9rem;margin-top:.4rem;text-align:left;caption-side:top;padding-bottom:.35rem;max-width:90ch}
.label{font-weight:600;color:var(--fg)}
.table-wrap{overflow-x:auto;margin:1rem 0 1.4rem;break-inside:avoid;page-break-inside:avoid}
table{border-collapse:collapse;font-size:.92rem;min-width:50%}
th,td{padding:.35rem .7rem;border-bottom:1px solid var(--line);vertical-align:top;text-align:left}
thead th{border-bottom:2px solid var(--fg);white-space:nowrap}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
td.center,th.center{text-align:center}
tbody tr:nth-child(even){background:var(--soft)}
tr.row-ok td:first-child{box-shadow:inset 4px 0 var(--ok)}
tr.row-warn td:first-child{box-shadow:inset 4px 0 var(--warn)}
tr.row-fail td:first-child{box-shadow:inset 4px 0 var(--fail)}
.callout{border:1px solid;border-left-width:6px;border-radius:6px;padding:.6rem 1rem;margin:1rem 0;break-inside:avoid}
.callout p{margin:.3rem 0}
.callout-title{font-weight:600}
.callout .badge{display:inline-block;width:1.4em;height:1.4em;line-height:1.4em;text-align:center;border-radius:50%;color:#fff;margin-right:.45em;font-size:.85em}
.callout .kind{text-transform:uppercase;letter-spacing:.03em;margin-right:.2em}
.callout.ok{border-color:var(--ok);background:var(--ok-bg)}.callout.ok .badge{background:var(--ok)}
.callout.warn{border-color:var(--warn);background:var(--warn-bg)}.callout.warn .badge{background:var(--warn)}
.callout.fail{border-color:var(--fail);background:var(--fail-bg)}.callout.fail .badge{background:var(--fail)}
.callout.info{border-color:var(--info);background:var(--info-bg)}.callout.info .badge{background:var(--info)}
dl{display:grid;grid-template-columns:minmax(8rem,max-content) 1fr;gap:.3rem 1rem}
dt{font-weight:600}dd{margin:0}
.chart-grid{display:grid;gap:10px}.chart-grid.cols-2{grid-template-columns:repeat(2,minmax(0,1fr))}.chart-grid.cols-3{grid-template-columns:repeat(3,minmax(0,1fr))}
.grid-title{font-weight:600;margin:.2rem 0 .5rem}
pre{background:var(--soft);border:1px solid var(--line);border-radius:6px;padding:.7rem;overflow-x:auto;font-size:.85rem}
.sr-only{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
footer{margin-top:2.5rem;color:var(--muted);font-size:.85rem;border-top:1px solid var(--line);padding-top:.6rem}
@media (max-width:800px){.chart-grid.cols-2,.chart-grid.cols-3{grid-template-columns:1fr}}
@media (max-width:600px){body{font-size:15px}main{padding:14px 12px 32px}h1{font-size:1.4rem}dl{grid-template-columns:1fr}dd{margin-bottom:.4rem}
.table-wrap.wide{overflow-x:visible}
.table-wrap.wide table,.table-wrap.wide tbody,.table-wrap.wide tr,.table-wrap.wide td,.table-wrap.wide caption{display:block;width:100%}
.table-wrap.wide thead{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
.table-wrap.wide tr{border:1px solid var(--line);border-radius:6px;margin:0 0 .6rem;padding:.3rem .6rem}
.table-wrap.wide td{border:0;padding:.15rem 0;text-align:left;white-space:normal;display:grid;grid-template-columns:minmax(6rem,38%) minmax(0,1fr);gap:.6rem;overflow-wrap:anywhere}
.table-wrap.wide td::before{content:attr(data-label);font-weight:600;color:var(--muted)}}
@media print{body{font-size:11pt}main{max-width:none;padding:0}nav.toc{display:none}a{color:inherit;text-decoration:none}h2{break-after:avoid;page-break-after:avoid}figure svg{border:0;min-width:0!important}tbody tr:nth-child(even){background:none}@page{margin:16mm}}
""";
}
