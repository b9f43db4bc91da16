/* Dashboard charts (ECharts from WebJars). Data comes from the JSON API, labels from data attributes. */
(function () {
  'use strict';
  const root = document.querySelector('.dashboard');
  if (!root || !window.echarts) {
    return;
  }
  const period = root.dataset.period || 'today';
  const brand = '#0b6e4f';
  const charts = [];

  function chart(id) {
    const el = document.getElementById(id);
    if (!el) {
      return null;
    }
    const c = echarts.init(el, null, { renderer: 'canvas' });
    charts.push(c);
    return c;
  }

  function escapeHtml(value) {
    return String(value).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;').replace(/'/g, '&#39;');
  }

  function json(url) {
    return fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
      .then(r => (r.ok ? r.json() : Promise.reject(r.status)));
  }

  function bars(id, rows, horizontal) {
    const c = chart(id);
    if (!c) {
      return;
    }
    const names = rows.map(r => r.name);
    const values = rows.map(r => r.counts.checkins);
    const category = { type: 'category', data: names, axisLabel: { interval: 0, fontSize: 11 } };
    const value = { type: 'value' };
    c.setOption({
      grid: { left: horizontal ? 130 : 50, right: 20, top: 20, bottom: horizontal ? 30 : 60 },
      tooltip: { trigger: 'axis' },
      xAxis: horizontal ? value : Object.assign(category, { axisLabel: { rotate: 30, interval: 0, fontSize: 11 } }),
      yAxis: horizontal ? Object.assign(category, { inverse: true }) : value,
      series: [{ type: 'bar', data: values, itemStyle: { color: brand } }]
    });
  }

  json('/api/v1/dashboard/scans?period=' + encodeURIComponent(period)).then(scans => {
    const trend = chart('chart-trend');
    const el = document.getElementById('chart-trend');
    const points = period === 'today' || period === '7d' ? scans.byHour : scans.byDay;
    trend.setOption({
      grid: { left: 50, right: 20, top: 30, bottom: 40 },
      tooltip: { trigger: 'axis' },
      legend: { data: [el.dataset.labelCheckins, el.dataset.labelRefused] },
      xAxis: { type: 'category', data: points.map(p => p.label) },
      yAxis: { type: 'value' },
      series: [
        { name: el.dataset.labelCheckins, type: 'line', smooth: true, showSymbol: false, areaStyle: { opacity: 0.15 },
          itemStyle: { color: brand }, data: points.map(p => p.counts.checkins) },
        { name: el.dataset.labelRefused, type: 'bar', itemStyle: { color: '#b42318' },
          data: points.map(p => p.counts.refused) }
      ]
    });
    const colours = chart('chart-colours');
    const cl = document.getElementById('chart-colours').dataset;
    colours.setOption({
      tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
      series: [{ type: 'pie', radius: ['45%', '70%'], label: { formatter: '{b}\n{d}%' },
        data: [
          { name: cl.labelGreen, value: scans.total.checkins - scans.total.refused, itemStyle: { color: '#067647' } },
          { name: cl.labelYellow, value: scans.total.yellow, itemStyle: { color: '#e6a700' } },
          { name: cl.labelRed, value: scans.total.red, itemStyle: { color: '#b42318' } }
        ] }]
    });
    bars('chart-towns', scans.byTown, true);
    bars('chart-categories', scans.byCategory, false);
    root.dataset.chartsReady = 'true';
  }).catch(() => { root.dataset.chartsReady = 'error'; });

  json('/api/v1/dashboard/map?period=' + encodeURIComponent(period)).then(points => {
    const map = chart('chart-map');
    const ml = document.getElementById('chart-map').dataset;
    const max = Math.max(1, ...points.map(p => p.scans));
    const dot = p => [p.longitude, p.latitude, p.scans, p.name, p.category, p.town];
    map.setOption({
      grid: { left: 50, right: 20, top: 30, bottom: 30 },
      // the formatter's string is HTML: venue names are user text, so they are escaped before joining
      tooltip: { formatter: p => [p.data[3], p.data[4] + ' · ' + p.data[5], p.data[2]].map(escapeHtml).join('<br>') },
      legend: { data: [ml.labelVenues, ml.labelListed] },
      xAxis: { type: 'value', scale: true, name: 'lng', splitLine: { show: false } },
      yAxis: { type: 'value', scale: true, name: 'lat', splitLine: { show: false } },
      series: [
        { name: ml.labelVenues, type: 'scatter', data: points.filter(p => !p.listed).map(dot),
          symbolSize: d => 3 + 14 * Math.sqrt(d[2] / max), itemStyle: { color: brand, opacity: 0.6 } },
        { name: ml.labelListed, type: 'scatter', data: points.filter(p => p.listed).map(dot),
          symbolSize: d => 4 + 14 * Math.sqrt(d[2] / max), itemStyle: { color: '#b42318', opacity: 0.7 } }
      ]
    });
    root.dataset.mapReady = 'true';
  }).catch(() => { root.dataset.mapReady = 'error'; });

  window.addEventListener('resize', () => charts.forEach(c => c.resize()));
})();
