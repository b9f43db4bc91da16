// The visitor's result page: a live clock from the server's time (a phone's wrong clock must not show a
// wrong time to the guard) and the seconds ticking, so a screenshot or a saved page is easy to spot.
(function () {
  var clock = document.querySelector('[data-live-clock]');
  if (!clock) {
    return;
  }
  var offset = Number(clock.getAttribute('data-server-now')) - Date.now();
  var zone = clock.getAttribute('data-zone') || 'Asia/Shanghai';
  var lang = document.documentElement.lang || 'zh-CN';
  var time = new Intl.DateTimeFormat(lang, {
    timeZone: zone, hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false
  });
  var date = new Intl.DateTimeFormat(lang, {
    timeZone: zone, year: 'numeric', month: 'long', day: 'numeric', weekday: 'long'
  });
  var timeNode = clock.querySelector('[data-time]');
  var dateNode = clock.querySelector('[data-date]');
  function tick() {
    var now = new Date(Date.now() + offset);
    timeNode.textContent = time.format(now);
    dateNode.textContent = date.format(now);
  }
  tick();
  setInterval(tick, 250);
})();
