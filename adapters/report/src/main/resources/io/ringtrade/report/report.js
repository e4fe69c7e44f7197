// Draws the report's charts with uPlot from the JSON in #report-data, and makes .sortable tables sort on a click.
// Every chart is kept in window.ringtradeCharts by element id (the browser test reads them there).
(function () {
  'use strict';
  var spec = JSON.parse(document.getElementById('report-data').textContent);
  var charts = {};
  window.ringtradeCharts = charts;

  function utc(ts) {
    return uPlot.tzDate(new Date(ts * 1e3), 'Etc/UTC');
  }

  function width(element) {
    return Math.max(480, Math.min(1200, element.clientWidth || 960));
  }

  function seriesOptions(s) {
    var options = { label: s.label, stroke: s.color, width: 1.5, spanGaps: true };
    if (s.fill) {
      options.fill = s.fill;
    }
    if (s.points) {
      options.paths = function () { return null; };
      options.points = { show: true, size: 9, width: 1, stroke: s.color, fill: s.color };
    } else {
      options.points = { show: false };
    }
    return options;
  }

  spec.charts.forEach(function (chart) {
    var element = document.getElementById(chart.id);
    var series = [{ label: 'time (UTC)' }].concat(chart.series.map(seriesOptions));
    var data = [chart.x].concat(chart.series.map(function (s) { return s.values; }));
    charts[chart.id] = new uPlot({
      title: chart.title,
      width: width(element),
      height: 320,
      tzDate: utc,
      scales: { x: { time: true } },
      series: series,
      axes: [{}, { label: chart.yLabel, size: 90 }]
    }, data, element);
  });

  function sortKey(cell) {
    var v = cell.getAttribute('data-v');
    return v === null ? null : parseFloat(v);
  }

  document.querySelectorAll('table.sortable').forEach(function (table) {
    var headers = table.querySelectorAll('thead th');
    headers.forEach(function (header, column) {
      header.addEventListener('click', function () {
        var ascending = header.getAttribute('data-sort') !== 'asc';
        headers.forEach(function (h) { h.removeAttribute('data-sort'); });
        header.setAttribute('data-sort', ascending ? 'asc' : 'desc');
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = a.cells[column], y = b.cells[column];
          var nx = sortKey(x), ny = sortKey(y), order;
          if (nx !== null && ny !== null) {
            order = nx - ny;
          } else if (nx !== null || ny !== null) {
            order = nx !== null ? -1 : 1; // numbers before empty cells
          } else {
            order = x.textContent.localeCompare(y.textContent);
          }
          return ascending ? order : -order;
        });
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });
  });
})();
