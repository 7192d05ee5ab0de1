// The bloomfit server's page: lists experiments, submits specs, follows a running experiment over server-sent
// events and shows a finished one's results and report. Plain JavaScript, no libraries, no network beyond this
// server. Every request goes through api(), which adds the API key and turns error bodies (problem+json) into
// ApiError; every value from the server reaches the page through textContent, never as markup.
(function () {
  'use strict';

  var KEY_STORAGE = 'bloomfit.apiKey';
  var TERMINAL = ['finished', 'failed', 'cancelled', 'interrupted'];
  var PAGE_SIZE = 20;
  var LIST_REFRESH_MS = 2000;
  var SVG = 'http://www.w3.org/2000/svg';
  var PALETTE = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f',
                 '#bcbd22', '#17becf'];

  var state = {
    key: readKey(),
    offset: 0,
    selected: null,      // id of the experiment in the detail view
    stream: null,        // AbortController of its event stream
    detailStatus: null,  // its last known status
    loss: new Map(),     // point label -> [{epoch, loss}]
    runningPoint: null,
    refreshTimer: null   // a pending refreshDetailSoon
  };

  // ---------------------------------------------------------------- errors of the page itself
  window.bloomfitErrors = [];
  function pageError(message) {
    window.bloomfitErrors.push(message);
    document.getElementById('errors').textContent = window.bloomfitErrors.join('\n');
  }
  window.addEventListener('error', function (e) {
    pageError(e.message + ' (' + e.filename + ':' + e.lineno + ')');
  });
  window.addEventListener('unhandledrejection', function (e) {
    pageError('unhandled: ' + (e.reason && e.reason.message ? e.reason.message : e.reason));
  });

  // ---------------------------------------------------------------- DOM helpers
  function $(id) { return document.getElementById(id); }

  function el(tag, attributes) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) { node.setAttribute(name, attributes[name]); });
    for (var i = 2; i < arguments.length; i++) {
      var child = arguments[i];
      if (child === null || child === undefined) { continue; }
      node.appendChild(typeof child === 'string' || typeof child === 'number'
          ? document.createTextNode(String(child)) : child);
    }
    return node;
  }

  function svg(tag, attributes, text) {
    var node = document.createElementNS(SVG, tag);
    Object.keys(attributes).forEach(function (name) { node.setAttribute(name, attributes[name]); });
    if (text !== undefined) { node.textContent = text; }
    return node;
  }

  function clear(node) { while (node.firstChild) { node.removeChild(node.firstChild); } return node; }

  function fmt(value, digits) {
    return value === null || value === undefined || value === '' || isNaN(Number(value))
        ? '-' : Number(value).toFixed(digits);
  }

  function time(value) {
    if (!value) { return '-'; }
    var date = new Date(value);
    return isNaN(date.getTime()) ? String(value) : date.toISOString().replace('T', ' ').slice(0, 19);
  }

  // ---------------------------------------------------------------- the API key
  function readKey() {
    try { return window.localStorage.getItem(KEY_STORAGE) || ''; } catch (e) { return ''; }
  }

  function showKeyForm(message) {
    $('key-form').hidden = false;
    $('key-state').textContent = message || '';
  }

  $('key-form').addEventListener('submit', function (e) {
    e.preventDefault();
    state.key = $('key-input').value.trim();
    try { window.localStorage.setItem(KEY_STORAGE, state.key); } catch (ignored) { /* private mode */ }
    $('key-input').value = '';
    $('key-state').textContent = state.key ? 'key set' : 'no key';
    refreshList();
    if (state.selected !== null) { select(state.selected); }
  });

  // ---------------------------------------------------------------- talking to the server
  /** An error answer of the API: its status and problem body (RFC 9457), or what the server sent instead. */
  function ApiError(status, problem, retryAfter) {
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
    this.retryAfter = retryAfter;
    this.message = status + ' ' + (problem.title || '') + (problem.detail ? ': ' + problem.detail : '');
  }
  ApiError.prototype = Object.create(Error.prototype);

  function api(path, options) {
    options = options || {};
    var headers = new Headers(options.headers || {});
    if (state.key) { headers.set('Authorization', 'Bearer ' + state.key); }
    var request = Object.assign({}, options, {headers: headers});
    return fetch(path, request).then(function (response) {
      if (response.ok) { return response; }
      if (response.status === 401) {
        showKeyForm(state.key ? 'the server refused this key' : 'the server needs an API key');
      }
      return response.text().then(function (text) {
        var problem;
        try { problem = JSON.parse(text); } catch (notJson) { problem = null; }
        if (!problem || typeof problem !== 'object') {
          problem = {title: response.statusText, status: response.status, detail: text.slice(0, 500)};
        }
        throw new ApiError(response.status, problem, response.headers.get('Retry-After'));
      });
    });
  }

  function json(path, options) {
    return api(path, options).then(function (response) { return response.json(); });
  }

  /**
   * Reads server-sent events from {@code path} with fetch (EventSource cannot send the Authorization header) and
   * calls onEvent(name, data) for each; resolves when the server closes the stream.
   */
  function streamEvents(path, onEvent, signal) {
    return api(path, {headers: {Accept: 'text/event-stream'}, signal: signal}).then(function (response) {
      var reader = response.body.getReader();
      var decoder = new TextDecoder();
      var buffer = '';
      var name = 'message';
      var data = [];
      function line(text) {
        if (text.endsWith('\r')) { text = text.slice(0, -1); }
        if (text === '') {
          if (data.length) { onEvent(name, data.join('\n')); }
          name = 'message';
          data = [];
          return;
        }
        if (text.charAt(0) === ':') { return; }
        var colon = text.indexOf(':');
        var field = colon < 0 ? text : text.slice(0, colon);
        var value = colon < 0 ? '' : text.slice(colon + 1);
        if (value.charAt(0) === ' ') { value = value.slice(1); }
        if (field === 'event') { name = value; } else if (field === 'data') { data.push(value); }
      }
      function pump() {
        return reader.read().then(function (chunk) {
          if (chunk.done) { return; }
          buffer += decoder.decode(chunk.value, {stream: true});
          var newline;
          while ((newline = buffer.indexOf('\n')) >= 0) {
            line(buffer.slice(0, newline));
            buffer = buffer.slice(newline + 1);
          }
          return pump();
        });
      }
      return pump();
    });
  }

  // ---------------------------------------------------------------- what the API returns, as the page uses it
  function experimentsOf(body) {
    if (Array.isArray(body)) { return body; }
    return body.experiments || body.items || [];
  }

  function pointsOf(experiment) {
    var p = experiment.points || {};
    return {total: num(p.total), finished: num(p.finished), failed: num(p.failed)};
  }

  function num(value) { return typeof value === 'number' ? value : 0; }

  function nameOf(experiment) {
    return experiment.name || (experiment.spec && experiment.spec.name) || '';
  }

  /**
   * The name of one grid point: the server's label where an event carries one, else built from a result row's
   * point fields the way the server builds labels (GridPoint.label), so live and finished series match.
   */
  function pointLabel(p) {
    if (p === null || p === undefined) { return 'point'; }
    if (typeof p !== 'object') { return String(p); }
    if (p.label) { return String(p.label); }
    if (p.compressor === undefined) { return p.point !== undefined ? pointLabel(p.point) : 'point'; }
    if (p.sides === 'none') { return 'plain baseline #' + p.repeat; }
    return p.compressor + (p.hash ? ' ' + p.hash : '') + ' r=' + javaDouble(p.ratio) + ' k=' + p.hashes + ' '
        + p.sides + ' #' + p.repeat;
  }

  /** A number as Java's Double.toString writes it in the usual range (1 -> "1.0", 0.25 -> "0.25"). */
  function javaDouble(value) {
    return Number.isInteger(value) ? value.toFixed(1) : String(value);
  }

  // ---------------------------------------------------------------- problems (problem+json) on the page
  /**
   * The field problems of a problem body: its {@code problems} array ({field|path, message}) when it has one, else
   * the lines of its detail as the CLI prints a SpecException ("SOURCE: PATH: MESSAGE", or "SOURCE: N problems"
   * followed by one "  PATH: MESSAGE" line each).
   */
  function fieldProblems(problem) {
    var list = problem.problems || problem.errors || null;
    if (Array.isArray(list)) {
      return list.map(function (item) {
        if (typeof item === 'string') { return splitFieldLine(item); }
        return {field: item.field || item.path || '', message: item.message || item.detail || ''};
      });
    }
    if (typeof problem.detail !== 'string') { return []; }
    return problem.detail.split('\n').filter(function (line) {
      return line.trim() !== '' && !/^[^\s]+: \d+ problems$/.test(line.trim());
    }).map(splitFieldLine).filter(function (f) { return f.field !== ''; });
  }

  var FIELD_LINE = /^\s*([A-Za-z_][\w.\-]*(?:\[\d+\])*(?:\.[\w\-]+(?:\[\d+\])*)*): (.*)$/;

  /** "PATH: MESSAGE" as {field, message}, dropping a leading "SOURCE: " (the innermost path is the field). */
  function splitFieldLine(text) {
    var match = FIELD_LINE.exec(text);
    if (!match) { return {field: '', message: text.trim()}; }
    var field = match[1];
    var message = match[2];
    var inner;
    while ((inner = FIELD_LINE.exec(message)) !== null) {
      field = inner[1];
      message = inner[2];
    }
    return {field: field, message: message};
  }

  function problemBox(error, what) {
    if (!(error instanceof ApiError)) {
      return el('div', {'class': 'problem'}, el('strong', {}, what + ' failed: '), String(error.message || error));
    }
    var p = error.problem;
    var box = el('div', {'class': 'problem', 'data-status': String(error.status)},
        el('strong', {}, what + ': ' + error.status + ' ' + (p.title || '')));
    var fields = fieldProblems(p);
    if (fields.length) {
      var list = el('ul', {'class': 'fields'});
      fields.forEach(function (f) {
        list.appendChild(el('li', {}, f.field ? el('code', {'class': 'field'}, f.field) : null,
            f.field ? ': ' : '', f.message));
      });
      box.appendChild(list);
    } else if (p.detail) {
      box.appendChild(el('div', {'class': 'detail'}, p.detail));
    }
    if (error.status === 429) {
      box.appendChild(el('div', {}, 'The queue is full' + (error.retryAfter
          ? '; try again in ' + error.retryAfter + ' s.' : '.')));
    }
    return box;
  }

  // ---------------------------------------------------------------- the spec form
  function loadExample() {
    var name = $('example').value;
    return fetch('examples/' + encodeURIComponent(name) + '.yaml').then(function (response) {
      if (!response.ok) { throw new Error('example ' + name + ' is not bundled (' + response.status + ')'); }
      return response.text();
    }).then(function (text) {
      $('spec').value = text;
    }).catch(function (e) {
      clear($('submit-result')).appendChild(problemBox(e, 'Loading the example'));
    });
  }

  function contentType(text) {
    var chosen = $('format').value;
    if (chosen !== 'auto') { return chosen; }
    var first = text.trim().charAt(0);
    return first === '{' || first === '[' ? 'application/json' : 'application/yaml';
  }

  $('example').addEventListener('change', loadExample);

  $('spec-form').addEventListener('submit', function (e) {
    e.preventDefault();
    var text = $('spec').value;
    var result = clear($('submit-result'));
    $('submit-spec').disabled = true;
    api('/api/experiments', {method: 'POST', headers: {'Content-Type': contentType(text),
                                                       Accept: 'application/json'}, body: text})
        .then(function (response) { return response.json(); })
        .then(function (created) {
          result.appendChild(el('div', {'class': 'ok', id: 'submitted', 'data-id': String(created.id)},
              'Submitted experiment ' + created.id + ' (' + created.status + ').'));
          state.offset = 0;
          refreshList();
          select(String(created.id));
        })
        .catch(function (error) { result.appendChild(problemBox(error, 'Submitting the spec')); })
        .then(function () { $('submit-spec').disabled = false; });
  });

  // ---------------------------------------------------------------- the list
  function refreshList() {
    return json('/api/experiments?limit=' + PAGE_SIZE + '&offset=' + state.offset)
        .then(function (body) {
          var experiments = experimentsOf(body);
          renderList(experiments);
          $('list-state').textContent = 'updated ' + new Date().toLocaleTimeString();
          $('newer').disabled = state.offset === 0;
          $('older').disabled = experiments.length < PAGE_SIZE;
          var shown = experiments.filter(function (x) { return String(x.id) === state.selected; })[0];
          if (shown && state.detailStatus !== null && shown.status !== state.detailStatus) {
            refreshDetail();
          }
        })
        .catch(function (error) {
          $('list-state').textContent = error instanceof ApiError ? 'cannot list: ' + error.message : String(error);
        });
  }

  function renderList(experiments) {
    var body = clear(document.querySelector('#experiments tbody'));
    if (!experiments.length) {
      body.appendChild(el('tr', {}, el('td', {colspan: '6', 'class': 'muted'}, 'no experiments yet')));
      return;
    }
    experiments.forEach(function (x) {
      var p = pointsOf(x);
      var row = el('tr', {'data-id': String(x.id), 'data-status': x.status},
          el('td', {}, String(x.id)), el('td', {}, nameOf(x)),
          el('td', {}, el('span', {'class': 'status status-' + x.status}, x.status)),
          el('td', {'class': 'num'}, p.finished + '/' + p.total + (p.failed ? ' (' + p.failed + ' failed)' : '')),
          el('td', {}, time(x.created)), el('td', {}, time(x.finished)));
      if (String(x.id) === state.selected) { row.className = 'selected'; }
      row.addEventListener('click', function () { select(String(x.id)); });
      body.appendChild(row);
    });
  }

  $('newer').addEventListener('click', function () {
    state.offset = Math.max(0, state.offset - PAGE_SIZE);
    refreshList();
  });
  $('older').addEventListener('click', function () {
    state.offset += PAGE_SIZE;
    refreshList();
  });

  // ---------------------------------------------------------------- one experiment
  function base() { return '/api/experiments/' + encodeURIComponent(state.selected); }

  function select(id) {
    if (state.stream) { state.stream.abort(); }
    state.selected = id;
    state.detailStatus = null;
    state.loss = new Map();
    state.runningPoint = null;
    if (window.location.hash !== '#' + id) { window.history.replaceState(null, '', '#' + id); }
    $('detail').hidden = false;
    $('finished').hidden = true;
    $('detail-id').textContent = id;
    clear($('events'));
    clear($('detail-problem'));
    clear(document.querySelector('#results thead'));
    clear(document.querySelector('#results tbody'));
    $('report').removeAttribute('srcdoc');
    drawLoss();
    document.querySelectorAll('#experiments tbody tr').forEach(function (tr) {
      tr.className = tr.getAttribute('data-id') === id ? 'selected' : '';
    });
    refreshDetail().then(function (experiment) {
      if (experiment && TERMINAL.indexOf(experiment.status) < 0) { follow(id); }
    });
  }

  /** Reads the experiment again soon: events come in bursts (a late client gets them all), one read serves them. */
  function refreshDetailSoon() {
    if (state.refreshTimer) { return; }
    state.refreshTimer = window.setTimeout(function () {
      state.refreshTimer = null;
      refreshDetail();
    }, 250);
  }

  function refreshDetail() {
    var id = state.selected;
    return json(base()).then(function (experiment) {
      if (id !== state.selected) { return null; }
      renderDetail(experiment);
      return experiment;
    }).catch(function (error) {
      clear($('detail-problem')).appendChild(problemBox(error, 'Reading experiment ' + id));
      return null;
    });
  }

  function renderDetail(x) {
    var previous = state.detailStatus;
    state.detailStatus = x.status;
    $('detail-name').textContent = nameOf(x);
    var status = $('detail-status');
    status.textContent = x.status;
    status.className = 'status status-' + x.status;
    var p = pointsOf(x);
    var running = x.running && x.running.epochs ? x.running.epoch / x.running.epochs : 0;
    $('progress-bar').style.width = (p.total ? 100 * (p.finished + p.failed + running) / p.total : 0) + '%';
    $('progress-text').textContent = p.finished + ' of ' + p.total + ' points finished'
        + (p.failed ? ', ' + p.failed + ' failed' : '') + ' · created ' + time(x.created)
        + (x.started ? ' · started ' + time(x.started) : '') + (x.finished ? ' · ended ' + time(x.finished) : '')
        + (x.error ? ' · ' + x.error : '');
    renderRunning(x.running || null);
    $('cancel').disabled = !(x.status === 'queued' || x.status === 'running');
    $('resume').disabled = ['interrupted', 'cancelled', 'failed'].indexOf(x.status) < 0;
    $('delete').disabled = x.status === 'running' || x.status === 'queued';
    if (TERMINAL.indexOf(x.status) >= 0 && previous !== x.status) {
      if (state.stream) { state.stream.abort(); }
      showResults(x);
    }
  }

  function renderRunning(running) {
    if (!running) {
      $('running-text').textContent = '';
      return;
    }
    var text = 'running ' + pointLabel(running.label || running.point);
    if (running.epoch !== undefined && running.epoch !== null) {
      text += ' · epoch ' + running.epoch + (running.epochs ? ' of ' + running.epochs : '');
    }
    if (running.loss !== undefined && running.loss !== null) { text += ' · loss ' + fmt(running.loss, 4); }
    $('running-text').textContent = text;
  }

  /** Follows the experiment's events until it ends, reconnecting when the stream closes early. */
  function follow(id) {
    var controller = new AbortController();
    state.stream = controller;
    streamEvents(base() + '/events', function (name, data) {
      if (id === state.selected) { onEvent(name, data); }
    }, controller.signal).then(function () {
      return null;
    }, function (error) {
      return controller.signal.aborted ? null : error;
    }).then(function (error) {
      if (controller.signal.aborted || id !== state.selected) { return; }
      if (error) { logEvent('stream', error.message || String(error)); }
      refreshDetail().then(function (x) {
        if (x && TERMINAL.indexOf(x.status) < 0 && state.stream === controller) {
          window.setTimeout(function () { if (state.stream === controller) { follow(id); } }, 1000);
        }
      });
    });
  }

  function onEvent(name, data) {
    var payload;
    try { payload = JSON.parse(data); } catch (notJson) { payload = data; }
    if (name === 'status') {
      logEvent(name, typeof payload === 'object' ? payload.status : payload);
      if (typeof payload === 'object' && payload.id !== undefined && payload.points) {
        renderDetail(payload);
      } else {
        refreshDetailSoon();
      }
    } else if (name === 'point-started') {
      state.runningPoint = pointLabel(payload);
      logEvent(name, state.runningPoint);
      $('running-text').textContent = 'running ' + state.runningPoint;
    } else if (name === 'epoch') {
      var label = payload.label || state.runningPoint || 'point';
      var series = state.loss.get(label) || [];
      series = series.filter(function (e) { return e.epoch !== payload.epoch; });
      series.push({epoch: Number(payload.epoch), loss: Number(payload.loss)});
      state.loss.set(label, series);
      var speed = payload.examples_per_second;
      logEvent(name, label + ' epoch ' + payload.epoch + (payload.epochs ? '/' + payload.epochs : '') + ' loss '
          + fmt(payload.loss, 4) + (typeof speed === 'number' ? ' · ' + Math.round(speed).toLocaleString('en')
          + ' examples/s' : ''));
      renderRunning({label: label, epoch: payload.epoch, epochs: payload.epochs, loss: payload.loss});
      drawLoss();
    } else if (name === 'point-finished') {
      var row = payload.row || payload;
      logEvent(name, pointLabel(row) + ' ' + (row.status || '') + (row.mrr !== undefined && row.mrr !== null
          ? ' · MRR ' + fmt(row.mrr, 4) : '') + (row.error ? ' · ' + row.error : ''));
      addRowLoss(row);
      drawLoss();
      refreshDetailSoon();
    } else {
      logEvent(name, typeof payload === 'string' ? payload : JSON.stringify(payload));
    }
  }

  function logEvent(name, text) {
    var list = $('events');
    list.insertBefore(el('li', {'data-event': name}, el('strong', {}, name), ' ', text), list.firstChild);
    while (list.children.length > 300) { list.removeChild(list.lastChild); }
  }

  function addRowLoss(row) {
    if (!Array.isArray(row.loss_per_epoch) || !row.loss_per_epoch.length) { return; }
    state.loss.set(pointLabel(row), row.loss_per_epoch.map(function (loss, i) {
      return {epoch: i + 1, loss: loss};
    }));
  }

  // ---------------------------------------------------------------- the live chart (SVG, no library)
  function drawLoss() {
    var chart = clear($('loss-chart'));
    var width = 760, height = 320, left = 56, right = 250, top = 14, bottom = 36;
    var series = [];
    state.loss.forEach(function (points, label) {
      var finite = points.filter(function (p) { return isFinite(p.epoch) && isFinite(p.loss); });
      if (finite.length) { series.push({label: label, points: finite.sort(function (a, b) { return a.epoch - b.epoch; })}); }
    });
    chart.setAttribute('data-series', String(series.length));
    if (!series.length) {
      chart.appendChild(svg('text', {x: width / 2, y: height / 2, 'text-anchor': 'middle'}, 'waiting for the first epoch'));
      chart.setAttribute('data-points', '0');
      return;
    }
    var all = [].concat.apply([], series.map(function (s) { return s.points; }));
    var maxEpoch = Math.max.apply(null, all.map(function (p) { return p.epoch; }));
    var minLoss = Math.min.apply(null, all.map(function (p) { return p.loss; }));
    var maxLoss = Math.max.apply(null, all.map(function (p) { return p.loss; }));
    if (maxLoss === minLoss) { maxLoss += Math.abs(maxLoss) * 0.05 || 1; minLoss -= Math.abs(minLoss) * 0.05 || 1; }
    var spanX = Math.max(1, maxEpoch - 1);
    function x(epoch) { return left + (maxEpoch === 1 ? 0.5 : (epoch - 1) / spanX) * (width - left - right); }
    function y(loss) { return top + (maxLoss - loss) / (maxLoss - minLoss) * (height - top - bottom); }
    chart.appendChild(svg('line', {'class': 'axis', x1: left, y1: height - bottom, x2: width - right, y2: height - bottom}));
    chart.appendChild(svg('line', {'class': 'axis', x1: left, y1: top, x2: left, y2: height - bottom}));
    for (var e = 1; e <= maxEpoch; e += Math.max(1, Math.ceil(maxEpoch / 10))) {
      chart.appendChild(svg('text', {x: x(e), y: height - bottom + 14, 'text-anchor': 'middle'}, String(e)));
    }
    chart.appendChild(svg('text', {x: (left + width - right) / 2, y: height - 4, 'text-anchor': 'middle'}, 'epoch'));
    [minLoss, (minLoss + maxLoss) / 2, maxLoss].forEach(function (v) {
      chart.appendChild(svg('text', {x: left - 4, y: y(v) + 4, 'text-anchor': 'end'}, v.toPrecision(3)));
    });
    var drawn = 0;
    series.forEach(function (s, i) {
      var color = PALETTE[i % PALETTE.length];
      var group = svg('g', {'class': 'series', 'data-label': s.label});
      if (s.points.length > 1) {
        group.appendChild(svg('polyline', {fill: 'none', stroke: color, 'stroke-width': 1.5,
          points: s.points.map(function (p) { return x(p.epoch) + ',' + y(p.loss); }).join(' ')}));
      }
      s.points.forEach(function (p) {
        var dot = svg('circle', {'class': 'point', cx: x(p.epoch), cy: y(p.loss), r: 3.5, fill: color});
        dot.appendChild(svg('title', {}, s.label + ': epoch ' + p.epoch + ', loss ' + p.loss.toFixed(4)));
        group.appendChild(dot);
        drawn++;
      });
      if (i < 18) {
        group.appendChild(svg('text', {x: width - right + 10, y: top + 10 + i * 14, fill: color},
            i < 17 ? s.label : '… ' + (series.length - 17) + ' more'));
      }
      chart.appendChild(group);
    });
    chart.setAttribute('data-points', String(drawn));
  }

  // ---------------------------------------------------------------- a finished experiment
  var RESULT_COLUMNS = [
    ['compressor'], ['hash'], ['ratio', 2], ['hashes', 0], ['sides'], ['repeat', 0], ['status'], ['mrr', 4],
    ['precision_at_10', 4], ['recall_at_10', 4], ['ndcg_at_10', 4], ['fit_seconds', 2], ['parameters', 0],
    ['device'], ['error']];

  function showResults(x) {
    var id = state.selected;
    $('finished').hidden = false;
    json(base() + '/results', {headers: {Accept: 'application/json'}}).then(function (body) {
      if (id !== state.selected) { return; }
      var rows = body.rows || [];
      renderResults(rows);
      state.loss = new Map();
      rows.forEach(addRowLoss);
      drawLoss();
    }).catch(function (error) {
      $('detail-problem').appendChild(problemBox(error, 'Reading the results'));
    });
    if (pointsOf(x).finished + pointsOf(x).failed === 0) { return; }
    api(base() + '/report', {headers: {Accept: 'text/html'}}).then(function (response) {
      return response.text();
    }).then(function (html) {
      if (id === state.selected) { $('report').srcdoc = html; }
    }).catch(function (error) {
      $('detail-problem').appendChild(problemBox(error, 'Reading the report'));
    });
  }

  function renderResults(rows) {
    var head = clear(document.querySelector('#results thead'));
    var body = clear(document.querySelector('#results tbody'));
    head.appendChild(el.apply(null, ['tr', {}].concat(RESULT_COLUMNS.map(function (c) {
      return el('th', {}, c[0].replace(/_/g, ' '));
    }))));
    rows.forEach(function (row) {
      body.appendChild(el.apply(null, ['tr', {'class': 'result'}].concat(RESULT_COLUMNS.map(function (c) {
        var value = row[c[0]];
        if (c[1] === undefined) { return el('td', {}, value === null || value === undefined ? '-' : String(value)); }
        var text = c[1] === 0 && typeof value === 'number' ? Math.round(value).toLocaleString('en') : fmt(value, c[1]);
        return el('td', {'class': 'num'}, text);
      }))));
    });
  }

  // ---------------------------------------------------------------- actions
  function action(method, suffix, what) {
    clear($('detail-problem'));
    return api(base() + suffix, {method: method, headers: {Accept: 'application/json'}})
        .then(function () { return true; })
        .catch(function (error) {
          $('detail-problem').appendChild(problemBox(error, what));
          return false;
        });
  }

  $('cancel').addEventListener('click', function () {
    action('POST', '/cancel', 'Cancelling').then(function () { refreshDetail(); refreshList(); });
  });
  $('resume').addEventListener('click', function () {
    var id = state.selected;
    action('POST', '/resume', 'Resuming').then(function (ok) { if (ok) { select(id); refreshList(); } });
  });
  $('delete').addEventListener('click', function () {
    if (!window.confirm('Delete experiment ' + state.selected + ' and its results?')) { return; }
    action('DELETE', '', 'Deleting').then(function (ok) {
      if (!ok) { return; }
      if (state.stream) { state.stream.abort(); }
      state.selected = null;
      $('detail').hidden = true;
      window.history.replaceState(null, '', window.location.pathname);
      refreshList();
    });
  });
  $('csv-link').addEventListener('click', function (e) {
    e.preventDefault();
    var id = state.selected;
    api(base() + '/results', {headers: {Accept: 'text/csv'}}).then(function (response) {
      return response.blob();
    }).then(function (blob) {
      var link = el('a', {href: URL.createObjectURL(blob), download: 'experiment-' + id + '-results.csv'});
      document.body.appendChild(link);
      link.click();
      link.remove();
      window.setTimeout(function () { URL.revokeObjectURL(link.href); }, 10000);
    }).catch(function (error) {
      $('detail-problem').appendChild(problemBox(error, 'Downloading the results'));
    });
  });

  // ---------------------------------------------------------------- start
  if (state.key) { showKeyForm('key set'); }
  loadExample();
  refreshList();
  window.setInterval(function () { if (!document.hidden) { refreshList(); } }, LIST_REFRESH_MS);
  if (window.location.hash.length > 1) { select(decodeURIComponent(window.location.hash.slice(1))); }
}());
