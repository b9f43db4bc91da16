// Colour counts over time (ECharts), loaded from the element's data-src (CSP: no inline scripts).
document.addEventListener('DOMContentLoaded', function () {
  var element = document.getElementById('colour-chart');
  if (!element || !window.echarts) {
    return;
  }
  var palette = { BLUE: '#1d4ed8', GREEN: '#067647', RED: '#b42318' };
  fetch(element.getAttribute('data-src'), { credentials: 'same-origin' })
    .then(function (response) { return response.json(); })
    .then(function (data) {
      var chart = window.echarts.init(element);
      chart.setOption({
        animation: false,
        tooltip: { trigger: 'axis' },
        legend: { top: 0 },
        grid: { left: 40, right: 16, top: 36, bottom: 30 },
        xAxis: { type: 'category', data: data.days },
        yAxis: { type: 'value', minInterval: 1 },
        series: data.series.map(function (s) {
          return { name: s.name, type: 'line', stack: 'all', areaStyle: {}, symbol: 'none',
            itemStyle: { color: palette[s.colour] }, data: s.data };
        })
      });
      element.setAttribute('data-ready', 'true');
      window.addEventListener('resize', function () { chart.resize(); });
    });
});
