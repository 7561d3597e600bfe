// The oms dashboard: polls /dashboard/data and draws every chart as inline SVG (no library, nothing from a CDN).
(function () {
  'use strict';
  const POLL_MS = 2000;
  const HISTORY = 150; // samples kept for the throughput line: five minutes at one poll every two seconds
  const SVG = 'http://www.w3.org/2000/svg';
  const history = [];

  function el(name, attrs, text) {
    const node = document.createElementNS(SVG, name);
    Object.entries(attrs || {}).forEach(([k, v]) => node.setAttribute(k, v));
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function clear(svg) { while (svg.firstChild) svg.removeChild(svg.firstChild); return svg; }
  function pct(v) { return v === null || v === undefined ? '–' : (100 * v).toFixed(1) + ' %'; }
  function secs(v) {
    if (v === null || v === undefined) return '–';
    return v < 1 ? (1000 * v).toFixed(0) + ' ms' : v.toFixed(2) + ' s';
  }
  function setText(id, text) { document.getElementById(id).textContent = text; }

  function throughputPerMinute() {
    const now = history[history.length - 1];
    const then = history.find(s => now.t - s.t <= 60000) || now;
    const minutes = (now.t - then.t) / 60000;
    return minutes > 0 ? (now.placed - then.placed) / minutes : 0;
  }

  function kpis(d) {
    setText('kpi-success', pct(d.successRate));
    setText('kpi-placed', d.orders.placed === undefined ? '–' : String(d.orders.placed));
    setText('kpi-milestones', Object.entries(d.orders).map(([k, v]) => k + ' ' + v).join(' · '));
    setText('kpi-throughput', history.length > 1 ? throughputPerMinute().toFixed(1) : '–');
    setText('kpi-confirmed', secs(d.checkoutToConfirmed.p95));
    setText('kpi-delivered', secs(d.checkoutToDelivered.p95));
    document.getElementById('kpi-success').dataset.value = d.successRate === null ? '' : d.successRate;
  }

  function lineChart(svg, series) {
    clear(svg);
    const w = 480, h = 200, left = 40, bottom = 180, top = 10;
    svg.appendChild(el('line', { x1: left, y1: bottom, x2: w, y2: bottom, class: 'axis' }));
    let points = 0;
    series.forEach(({ values, max, color, label }, i) => {
      const top2 = Math.max(max, 1e-9);
      const step = (w - left) / Math.max(HISTORY - 1, 1);
      const coords = values.map((v, j) => [left + j * step, bottom - (bottom - top) * (v / top2)]);
      if (coords.length > 1) {
        svg.appendChild(el('polyline', { points: coords.map(c => c.join(',')).join(' '), fill: 'none',
          stroke: color, 'stroke-width': 2 }));
      }
      points += values.filter(v => v > 0).length;
      svg.appendChild(el('text', { x: left + 4 + i * 200, y: 12, style: 'fill:' + color }, label));
    });
    svg.dataset.points = points;
  }

  function throughputChart() {
    const rates = history.map((s, i) => {
      if (i === 0) return 0;
      const prev = history[i - 1];
      return (s.placed - prev.placed) / ((s.t - prev.t) / 60000);
    });
    const success = history.map(s => s.success === null ? 0 : s.success);
    const maxRate = Math.max(1, ...rates);
    lineChart(document.getElementById('chart-throughput'), [
      { values: rates, max: maxRate, color: '#4a78c2', label: 'orders/min (max ' + maxRate.toFixed(0) + ')' },
      { values: success, max: 1, color: '#2f9e6a', label: 'success rate (0–100 %)' }]);
  }

  function bars(svg, groups, opts) {
    clear(svg);
    const { width, height, max, format } = opts;
    const left = 10, bottom = height - 40, top = 16;
    const slot = (width - left) / Math.max(groups.length, 1);
    let drawn = 0;
    svg.appendChild(el('line', { x1: left, y1: bottom, x2: width, y2: bottom, class: 'axis' }));
    groups.forEach((g, i) => {
      const barW = (slot - 12) / g.bars.length;
      g.bars.forEach((b, j) => {
        const x = left + i * slot + 6 + j * barW;
        const hgt = b.value === null ? 0 : Math.max(1, (bottom - top) * Math.min(b.value / max, 1));
        if (b.value !== null && b.value > 0) drawn++;
        const rect = el('rect', { x: x, y: bottom - hgt, width: Math.max(barW - 2, 1), height: hgt,
          class: b.cls || 'neutral', 'data-value': b.value === null ? '' : b.value });
        rect.appendChild(el('title', {}, g.label + ' ' + b.name + ': ' + format(b.value)));
        svg.appendChild(rect);
        svg.appendChild(el('text', { x: x, y: bottom - hgt - 3 }, (opts.named ? b.name + ' ' : '') + format(b.value)));
      });
      if (g.slo !== undefined) {
        const y = bottom - (bottom - top) * Math.min(g.slo / max, 1);
        svg.appendChild(el('line', { x1: left + i * slot + 2, x2: left + (i + 1) * slot - 2, y1: y, y2: y, class: 'slo' }));
      }
      svg.appendChild(el('text', { x: left + i * slot + 6, y: bottom + 14 }, g.label));
      if (g.note) svg.appendChild(el('text', { x: left + i * slot + 6, y: bottom + 28, class: g.noteCls }, g.note));
    });
    svg.dataset.bars = drawn;
  }

  function latencyChart(d) {
    const groups = [['checkout → confirmed', d.checkoutToConfirmed], ['checkout → delivered', d.checkoutToDelivered]]
      .map(([label, l]) => ({ label: label + ' (' + l.count + ')', bars: [
        { name: 'p50', value: l.p50 }, { name: 'p95', value: l.p95, cls: 'warn' }, { name: 'p99', value: l.p99, cls: 'bad' }] }));
    const max = Math.max(0.001, ...groups.flatMap(g => g.bars.map(b => b.value || 0)));
    bars(document.getElementById('chart-latency'), groups, { width: 480, height: 200, max: max * 1.15, format: secs, named: true });
  }

  function legsChart(d) {
    const groups = d.legs.map(l => ({
      label: l.step.replace('_', ' '), slo: l.slo.p99Seconds,
      bars: [{ name: 'p99', value: l.latency.p99, cls: l.meetsLatency ? 'ok' : 'bad' }],
      note: (l.success === null ? '–' : pct(l.success)) + ' / ' + pct(l.slo.success),
      noteCls: l.meetsSuccess ? '' : 'bad' }));
    const max = Math.max(...d.legs.map(l => Math.max(l.latency.p99 || 0, l.slo.p99Seconds)), 0.001) * 1.15;
    bars(document.getElementById('chart-legs'), groups, { width: 980, height: 260, max: max, format: secs });
  }

  function outcomesChart(d) {
    const classes = { completed: 'ok', compensated: 'warn', compensation_failed: 'bad' };
    const groups = Object.entries(d.sagaOutcomes).map(([saga, outcomes]) => ({ label: saga,
      bars: Object.entries(outcomes).map(([o, n]) => ({ name: o, value: n, cls: classes[o] || 'neutral' })) }));
    const max = Math.max(1, ...groups.flatMap(g => g.bars.map(b => b.value))) * 1.15;
    bars(document.getElementById('chart-outcomes'), groups,
      { width: 480, height: 200, max: max, format: v => v === null ? '–' : String(v), named: true });
  }

  function problems(d) {
    const list = document.getElementById('problems');
    list.replaceChildren();
    if (d.problems.length === 0) {
      const li = document.createElement('li'); li.className = 'muted'; li.textContent = 'none'; list.appendChild(li);
    }
    d.problems.forEach(p => {
      const li = document.createElement('li');
      const a = document.createElement('a');
      a.href = p.link; a.textContent = p.type + ' ' + p.id.substring(0, 8);
      li.appendChild(a);
      li.appendChild(document.createTextNode(' ' + p.problem + ' (' + p.status + ', order ' + (p.orderId || '–')
        + ', last change ' + p.updatedAt + ')'));
      list.appendChild(li);
    });
  }

  async function poll() {
    try {
      const response = await fetch('/dashboard/data', { cache: 'no-store' });
      if (!response.ok) throw new Error('HTTP ' + response.status);
      const d = await response.json();
      history.push({ t: Date.now(), placed: d.orders.placed || 0, success: d.successRate });
      if (history.length > HISTORY) history.shift();
      kpis(d); throughputChart(); latencyChart(d); legsChart(d); outcomesChart(d); problems(d);
      setText('updated', 'updated ' + new Date(d.at).toLocaleTimeString());
      document.body.dataset.polls = String(Number(document.body.dataset.polls || 0) + 1);
    } catch (e) {
      setText('updated', 'cannot load data: ' + e.message);
    } finally {
      setTimeout(poll, POLL_MS);
    }
  }
  poll();
})();
