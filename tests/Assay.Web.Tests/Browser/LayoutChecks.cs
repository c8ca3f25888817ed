namespace Assay.Web.Tests.Browser;

/// <summary>Layout checks run in the page, shared by the browser tests of reports and pages.</summary>
internal static class LayoutChecks
{
    // Every th/td that pokes out of its table's container (or the page) by more than a pixel.
    public const string OverflowingCells = """
        () => {
          const out = [];
          const page = document.documentElement.clientWidth;
          for (const wrap of document.querySelectorAll('.table-wrap, #pg-results')) {
            const box = wrap.getBoundingClientRect();
            if (box.width === 0) { continue; }
            for (const cell of wrap.querySelectorAll('th, td')) {
              // A header row a narrow screen turns into card labels is clipped away (it reads as each cell's label).
              const head = cell.closest('thead');
              if (head && getComputedStyle(head).position === 'absolute') { continue; }
              const r = cell.getBoundingClientRect();
              if (r.width === 0 && r.height === 0) { continue; }
              if (r.right > Math.min(box.right, page) + 1 || r.left < Math.max(box.left, 0) - 1) {
                out.push((wrap.querySelector('caption') || wrap).textContent.slice(0, 40) + ' | ' + cell.textContent.slice(0, 30) + ' | ' + Math.round(r.left) + '-' + Math.round(r.right) + ' of ' + Math.round(box.left) + '-' + Math.round(box.right));
              }
            }
          }
          return out;
        }
        """;

    // Every SVG text whose box leaves its chart by more than a pixel (a clipped label).
    public const string ClippedChartLabels = """
        () => {
          const out = [];
          for (const svg of document.querySelectorAll('svg')) {
            const box = svg.getBoundingClientRect();
            if (box.width === 0) { continue; }
            for (const t of svg.querySelectorAll('text')) {
              const r = t.getBoundingClientRect();
              if (r.width === 0) { continue; }
              if (r.left < box.left - 1 || r.right > box.right + 1 || r.top < box.top - 1 || r.bottom > box.bottom + 1) {
                out.push(t.textContent.slice(0, 40) + ' | ' + Math.round(r.left) + '-' + Math.round(r.right) + ' of ' + Math.round(box.left) + '-' + Math.round(box.right));
              }
            }
          }
          return out;
        }
        """;
}
