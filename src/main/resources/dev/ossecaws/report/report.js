// ossec-aws replay report: draws the charts and tables from the JSON in #report-data.
// Values from the records (attacker-controlled: a userAgent can hold anything) reach the page only
// as textContent or on ECharts' canvas (tooltips in richText mode), never as HTML.
(function () {
  'use strict';

  // Errors are shown on the page, and counted on <body data-page-errors>, so that a reader and the
  // report's test both see a page that did not draw. Installed before ECharts' script runs.
  var errorBox = document.getElementById('page-errors');
  var errorCount = 0;
  function problem(text) {
    var item = document.createElement('li');
    item.textContent = text;
    errorBox.querySelector('ul').appendChild(item);
    errorBox.hidden = false;
    document.body.setAttribute('data-page-errors', String(++errorCount));
  }
  window.addEventListener('error', function (e) {
    problem('uncaught: ' + e.message + ' (' + e.filename + ':' + e.lineno + ')');
  });
  window.addEventListener('unhandledrejection', function (e) {
    problem('unhandled rejection: ' + e.reason);
  });
  document.addEventListener('securitypolicyviolation', function (e) {
    problem('blocked by the page\'s security policy: ' + e.violatedDirective + ' ' + e.blockedURI);
  });
  ['error', 'warn'].forEach(function (level) {
    var original = console[level];
    console[level] = function () {
      problem('console.' + level + ': ' + Array.prototype.map.call(arguments, String).join(' '));
      original.apply(console, arguments);
    };
  });

  var LEVEL_COLORS = ['#5470c6', '#91cc75', '#fac858', '#ee6666', '#73c0de', '#3ba272', '#fc8452',
    '#9a60b4', '#ea7ccc', '#2f4554', '#61a0a8', '#d48265'];

  function byId(id) { return document.getElementById(id); }
  function number(n) { return Number(n).toLocaleString('en-US'); }
  function cell(row, text, className) {
    var td = document.createElement('td');
    td.textContent = text === null || text === undefined ? '' : String(text);
    if (className) td.className = className;
    row.appendChild(td);
    return td;
  }
  function levelBadge(td, level) {
    var span = document.createElement('span');
    span.className = 'level' + (level >= 12 ? ' high' : level >= 7 ? ' mid' : '');
    span.textContent = String(level);
    td.appendChild(span);
  }
  function time(millis, stepMillis) {
    var iso = new Date(millis).toISOString();
    return stepMillis >= 86400000 ? iso.slice(0, 10) : iso.slice(0, 16).replace('T', ' ');
  }
  var charts = [];
  function chart(name, option) {
    var container = document.querySelector('[data-chart="' + name + '"]');
    var instance = echarts.init(container, null, { renderer: 'canvas' });
    instance.on('finished', function () {
      if (container.getAttribute('data-rendered') === 'true') return;
      container.setAttribute('data-rendered', 'true');
      document.body.setAttribute('data-charts-rendered',
        String(document.querySelectorAll('[data-chart][data-rendered="true"]').length));
    });
    var base = { animation: false, tooltip: { renderMode: 'richText', confine: true } };
    instance.setOption(Object.assign(base, option));
    charts.push(instance);
  }
  function emptyTitle(isEmpty) {
    return isEmpty ? { text: 'none', left: 'center', top: 'middle', textStyle: { color: '#8a96a3', fontSize: 14 } } : undefined;
  }

  function summary(data) {
    var box = byId('summary');
    var perRecord = data.records > 0 ? (data.alerts / data.records).toFixed(3) : 'n/a';
    var range = data.firstTime ? data.firstTime + ' to ' + data.lastTime : 'no event times';
    [[number(data.records), 'records evaluated'], [number(data.alerts), 'alerts'], [perRecord, 'alerts per record'],
      [number(data.rules.length), 'rules alerting'], [range, 'first to last alert']].forEach(function (item) {
      var div = document.createElement('div');
      var b = document.createElement('b');
      b.textContent = item[0];
      var span = document.createElement('span');
      span.textContent = item[1];
      div.appendChild(b);
      div.appendChild(span);
      box.appendChild(div);
    });
  }

  function rulesChart(rules) {
    var SHOWN = 12;
    var slices = rules.slice(0, SHOWN).map(function (r) {
      return { name: r.id + ' ' + r.description, value: r.alerts };
    });
    var rest = rules.slice(SHOWN).reduce(function (sum, r) { return sum + r.alerts; }, 0);
    if (rest > 0) slices.push({ name: 'other rules (' + (rules.length - SHOWN) + ')', value: rest });
    byId('rules-note').textContent = rules.length > SHOWN
      ? 'The ' + SHOWN + ' rules with the most alerts; the other ' + (rules.length - SHOWN) + ' as one slice.'
      : rules.length + ' rules.';
    chart('rules', {
      title: emptyTitle(rules.length === 0),
      legend: { type: 'scroll', orient: 'vertical', right: 0, top: 10, bottom: 10, width: '42%',
        textStyle: { width: 250, overflow: 'truncate' } },
      series: [{ type: 'pie', radius: ['35%', '65%'], center: ['28%', '50%'], data: slices,
        label: { formatter: function (p) { return p.percent.toFixed(0) + '%'; } } }]
    });
  }

  function levelsChart(levels) {
    byId('levels-note').textContent = 'OSSEC levels 0-16; 12 and above are high importance.';
    chart('levels', {
      title: emptyTitle(levels.length === 0),
      grid: { left: 60, right: 20, top: 20, bottom: 40 },
      xAxis: { type: 'category', name: 'level', nameLocation: 'middle', nameGap: 26,
        data: levels.map(function (l) { return String(l.level); }) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [{ type: 'bar', name: 'alerts', data: levels.map(function (l) {
        return { value: l.alerts, itemStyle: { color: l.level >= 12 ? '#c23531' : l.level >= 7 ? '#e98f1c' : '#5470c6' } };
      }), label: { show: true, position: 'top' } }]
    });
  }

  function timelineChart(timeline, untimed) {
    var step = timeline.stepMillis;
    var note = 'Bars of ' + timeline.step + '; an alert counts once in each of its rule\'s groups.';
    if (timeline.omitted.length) note += ' Left out, as every alert has it: ' + timeline.omitted.join(', ') + '.';
    if (untimed > 0) note += ' ' + number(untimed) + ' alerts without an eventTime are not shown.';
    byId('timeline-note').textContent = note;
    var many = timeline.starts.length > 60;
    chart('timeline', {
      title: emptyTitle(timeline.starts.length === 0),
      color: LEVEL_COLORS,
      legend: { type: 'scroll', top: 0 },
      grid: { left: 60, right: 20, top: 36, bottom: many ? 70 : 40 },
      tooltip: { renderMode: 'richText', confine: true, trigger: 'axis' },
      xAxis: { type: 'category', data: timeline.starts.map(function (t) { return time(t, step); }) },
      yAxis: { type: 'value', minInterval: 1 },
      dataZoom: many ? [{ type: 'inside' }, { type: 'slider', bottom: 10 }] : [],
      series: timeline.groups.map(function (g) {
        return { type: 'bar', name: g.name, stack: 'groups', data: g.counts, barMaxWidth: 40 };
      })
    });
  }

  function tallyChart(name, tally, what) {
    var note = number(tally.distinct) + ' distinct';
    if (!tally.exact) {
      note += ' kept of more: bars show the alerts certain for each value, labels the range it may have';
    }
    if (tally.top.length < tally.distinct) note += '; the ' + tally.top.length + ' with the most alerts shown';
    if (tally.missing > 0) note += '; ' + number(tally.missing) + ' alerts without ' + what;
    byId(name + '-note').textContent = note + '.';
    chart(name, {
      title: emptyTitle(tally.top.length === 0),
      grid: { left: 10, right: 70, top: 10, bottom: 20, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', inverse: true, data: tally.top.map(function (t) { return t.value; }),
        axisLabel: { width: 300, overflow: 'truncate' } },
      series: [{ type: 'bar', name: 'alerts', barMaxWidth: 22,
        data: tally.top.map(function (t) {
          var certain = t.alerts - t.overcount;
          return { value: certain, label: { formatter: t.overcount > 0 ? number(certain) + '-' + number(t.alerts) : number(certain) } };
        }),
        label: { show: true, position: 'right' } }]
    });
  }

  function comparison(changes) {
    var section = byId('comparison');
    if (!changes) {
      section.remove();
      return;
    }
    var SHOWN = 20;
    var shown = changes.slice(0, SHOWN);
    byId('comparison-note').textContent = changes.length + ' rules differ between the two rulesets'
      + (changes.length > SHOWN ? '; the ' + SHOWN + ' with the largest change in alerts are charted' : '')
      + '. Level -1: the rule does not exist on that side.';
    chart('comparison', {
      title: emptyTitle(changes.length === 0),
      legend: { top: 0 },
      grid: { left: 60, right: 20, top: 36, bottom: 40 },
      tooltip: { renderMode: 'richText', confine: true, trigger: 'axis' },
      xAxis: { type: 'category', data: shown.map(function (c) { return String(c.ruleId); }) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { type: 'bar', name: 'before', data: shown.map(function (c) { return c.alertsBefore; }), itemStyle: { color: '#91a7d4' } },
        { type: 'bar', name: 'after', data: shown.map(function (c) { return c.alertsAfter; }), itemStyle: { color: '#c23531' } }
      ]
    });
    var body = byId('comparison-rows');
    changes.forEach(function (c) {
      var row = document.createElement('tr');
      cell(row, c.ruleId, 'num');
      cell(row, c.description);
      cell(row, c.levelBefore < 0 ? 'absent' : c.levelBefore, 'num');
      cell(row, c.levelAfter < 0 ? 'absent' : c.levelAfter, 'num');
      cell(row, number(c.alertsBefore), 'num');
      cell(row, number(c.alertsAfter), 'num');
      var delta = c.alertsAfter - c.alertsBefore;
      cell(row, (delta > 0 ? '+' : '') + number(delta), 'num ' + (delta > 0 ? 'up' : delta < 0 ? 'down' : ''));
      body.appendChild(row);
    });
  }

  function alertTable(top, total) {
    byId('alerts-note').textContent = top.alerts.length < total
      ? 'The ' + top.alerts.length + ' highest-level of ' + number(total) + ' alerts (earliest first within a level).'
      : 'All ' + number(total) + ' alerts, highest level first.';
    var body = byId('alert-rows');
    top.alerts.forEach(function (a) {
      var row = document.createElement('tr');
      cell(row, a.eventTime, 'time');
      levelBadge(cell(row, ''), a.level);
      cell(row, a.ruleId, 'num');
      cell(row, a.description);
      cell(row, a.principal, 'wrap');
      cell(row, a.srcip);
      cell(row, [a.account, a.region].filter(Boolean).join(' / '));
      var details = document.createElement('details');
      var label = document.createElement('summary');
      label.textContent = (a.sourcePath ? a.sourcePath + ' #' + a.sourceRecord : 'record')
        + (a.eventId ? ' (' + a.eventId + ')' : '');
      var log = document.createElement('pre');
      log.textContent = a.fullLog;
      details.appendChild(label);
      details.appendChild(log);
      cell(row, '', 'wrap').appendChild(details);
      body.appendChild(row);
    });
  }

  function draw() {
    var data = JSON.parse(byId('report-data').textContent);
    summary(data);
    comparison(data.comparison);
    document.body.setAttribute('data-charts-expected', String(document.querySelectorAll('[data-chart]').length));
    rulesChart(data.rules);
    levelsChart(data.levels);
    timelineChart(data.timeline, data.untimed);
    tallyChart('principals', data.principals, 'a principal');
    tallyChart('sources', data.sources, 'a source address');
    tallyChart('accounts', data.accounts, 'an account');
    tallyChart('regions', data.regions, 'a region');
    alertTable(data.topAlerts, data.alerts);
    window.addEventListener('resize', function () { charts.forEach(function (c) { c.resize(); }); });
  }

  document.addEventListener('DOMContentLoaded', function () {
    if (typeof echarts === 'undefined') {
      problem('Apache ECharts did not load: the charts cannot be drawn');
      return;
    }
    draw();
  });
})();
