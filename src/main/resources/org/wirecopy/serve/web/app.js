// wirecopy page: posts the article to /v1/classify on this server and shows every paragraph with its label.
// No third-party code; user text is only ever inserted with textContent.
(function () {
  'use strict';
  var KNOWN = ['REPORTING', 'COMMENTARY', 'BOILERPLATE'];
  var form = document.getElementById('form');
  var input = document.getElementById('input');
  var format = document.getElementById('format');
  var minConfidence = document.getElementById('min-confidence');
  var button = document.getElementById('classify');
  var status = document.getElementById('status');
  var results = document.getElementById('results');
  var list = document.getElementById('paragraphs');
  var shares = document.getElementById('shares');
  var shareBar = document.getElementById('share-bar');
  var drop = document.getElementById('drop');
  var file = document.getElementById('file');
  var current = null;      // the last result
  var request = null;      // the body that produced it
  var explained = null;    // the same article with explanations, fetched on demand

  function cls(label) { return KNOWN.indexOf(label) >= 0 ? label : 'other'; }
  function pct(x) { return (100 * x).toFixed(1) + '%'; }
  function el(tag, className, text) {
    var e = document.createElement(tag);
    if (className) e.className = className;
    if (text !== undefined) e.textContent = text;
    return e;
  }
  function say(text, error) {
    status.textContent = text;
    status.className = error ? 'error' : '';
    status.setAttribute('role', error ? 'alert' : 'status');
  }

  function query(explain) {
    var q = [];
    var m = parseFloat(minConfidence.value);
    if (!isNaN(m) && m > 0 && m <= 1) q.push('min-confidence=' + encodeURIComponent(m));
    if (explain) q.push('explain=true', 'top=5');
    return q.length ? '?' + q.join('&') : '';
  }

  function post(body, explain) {
    return fetch('/v1/classify' + query(explain), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Accept': 'application/json' },
      body: JSON.stringify(body)
    }).then(function (r) {
      return r.text().then(function (t) {
        var json = null;
        try { json = JSON.parse(t); } catch (e) { /* not JSON */ }
        if (!r.ok) {
          var detail = json && json.detail ? json.detail : 'HTTP ' + r.status;
          throw new Error(detail);
        }
        return json;
      });
    });
  }

  function classify() {
    var text = input.value;
    if (!text.trim()) { say('Paste an article first.', true); input.focus(); return; }
    request = { text: text, format: format.value };
    explained = null;
    button.disabled = true;
    say('Labelling…');
    post(request, false).then(function (a) {
      current = a;
      render(a);
      say('Labelled ' + a.paragraphs.length + ' paragraphs.');
      results.hidden = false;
      results.focus();
    }).catch(function (e) {
      say('Could not label the text: ' + e.message, true);
    }).then(function () { button.disabled = false; });
  }

  function render(a) {
    shares.textContent = '';
    shareBar.textContent = '';
    a.labels.forEach(function (l) {
      var seg = el('span', 'fill-' + cls(l));
      seg.style.width = (100 * a.shares[l]) + '%';
      seg.title = l + ' ' + pct(a.shares[l]);
      shareBar.appendChild(seg);
      var li = el('li');
      li.setAttribute('data-label', l);
      li.appendChild(el('span', 'tag label-' + cls(l), l));
      var v = el('span', 'value', pct(a.shares[l]));
      li.appendChild(v);
      li.appendChild(el('span', 'count', '(' + a.counts[l] + (a.counts[l] === 1 ? ' paragraph)' : ' paragraphs)')));
      shares.appendChild(li);
    });
    list.textContent = '';
    a.paragraphs.forEach(function (p) { list.appendChild(paragraph(a, p)); });
  }

  function paragraph(a, p) {
    var li = el('li', 'para label-' + cls(p.label) + (p.uncertain ? ' uncertain' : ''));
    li.setAttribute('data-index', p.index);
    li.setAttribute('data-label', p.label);
    var head = el('div', 'para-head');
    head.appendChild(el('span', 'para-index', '¶ ' + (p.index + 1)));
    head.appendChild(el('span', 'para-label', p.label));
    head.appendChild(el('span', 'para-confidence', pct(p.scores[p.label])));
    if (p.uncertain) head.appendChild(el('span', 'uncertain-mark', '⚠ uncertain'));
    var why = el('button', 'small why', 'Why?');
    why.type = 'button';
    why.setAttribute('aria-expanded', 'false');
    why.setAttribute('aria-label', 'Explain the label of paragraph ' + (p.index + 1));
    why.addEventListener('click', function () { explain(li, p.index, why); });
    head.appendChild(why);
    li.appendChild(head);
    var scores = el('div', 'scores');
    a.labels.forEach(function (l) {
      scores.appendChild(el('span', 'score-label', l));
      var bar = el('div', 'bar');
      bar.setAttribute('role', 'img');
      bar.setAttribute('aria-label', l + ' score ' + pct(p.scores[l]));
      var fill = el('span', 'fill-' + cls(l));
      fill.style.width = (100 * p.scores[l]) + '%';
      bar.appendChild(fill);
      scores.appendChild(bar);
      scores.appendChild(el('span', 'score-value', p.scores[l].toFixed(3)));
    });
    li.appendChild(scores);
    li.appendChild(el('p', 'para-text', p.text));
    return li;
  }

  function explain(li, index, why) {
    var open = li.querySelector('.explanation');
    if (open) {
      open.remove();
      why.setAttribute('aria-expanded', 'false');
      return;
    }
    var got = explained ? Promise.resolve(explained) : post(request, true).then(function (a) { explained = a; return a; });
    why.disabled = true;
    got.then(function (a) {
      var e = a.paragraphs[index].explanation || {};
      var box = el('div', 'explanation');
      box.appendChild(el('div', null, 'Features that raised each label\'s score most (change in log-odds):'));
      Object.keys(e).forEach(function (l) {
        box.appendChild(el('strong', null, 'toward ' + l));
        var ul = el('ul');
        if (!e[l].length) ul.appendChild(el('li', null, 'none'));
        e[l].forEach(function (c) {
          ul.appendChild(el('li', null, c.feature + (c.source && c.source !== 'paragraph' ? ' (' + c.source + (c.offset ? ' ' + (c.offset > 0 ? '+' : '') + c.offset : '') + ')' : '') + '  ' + (c.effect >= 0 ? '+' : '') + c.effect.toFixed(3)));
        });
        box.appendChild(ul);
      });
      li.appendChild(box);
      why.setAttribute('aria-expanded', 'true');
    }).catch(function (err) {
      say('Could not explain: ' + err.message, true);
    }).then(function () { why.disabled = false; });
  }

  function csvCell(s) {
    s = String(s);
    return /[",\n\r]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
  }

  function download(name, type, content) {
    var blob = new Blob([content], { type: type });
    var a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = name;
    document.body.appendChild(a);
    a.click();
    setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 0);
  }

  document.getElementById('download-jsonl').addEventListener('click', function () {
    if (!current) return;
    var lines = current.paragraphs.map(function (p) {
      return JSON.stringify({ index: p.index, label: p.label, scores: p.scores, start: p.start, end: p.end,
        text: p.text, uncertain: p.uncertain });
    });
    download('wirecopy.jsonl', 'application/x-ndjson', lines.join('\n') + '\n');
  });

  document.getElementById('download-csv').addEventListener('click', function () {
    if (!current) return;
    var head = ['index', 'label'].concat(current.labels.map(function (l) { return 'score_' + l; }),
      ['uncertain', 'start', 'end', 'text']);
    var rows = [head.join(',')];
    current.paragraphs.forEach(function (p) {
      rows.push([p.index, p.label].concat(current.labels.map(function (l) { return p.scores[l]; }),
        [p.uncertain, p.start, p.end, csvCell(p.text)]).join(','));
    });
    download('wirecopy.csv', 'text/csv', rows.join('\r\n') + '\r\n');
  });

  function load(f) {
    if (!f) return;
    f.text().then(function (t) {
      input.value = t;
      format.value = /\.html?$/i.test(f.name) || f.type === 'text/html' ? 'html' : 'auto';
      say('Loaded ' + f.name + '.');
      classify();
    });
  }

  form.addEventListener('submit', function (e) { e.preventDefault(); classify(); });
  input.addEventListener('keydown', function (e) {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) { e.preventDefault(); classify(); }
  });
  file.addEventListener('change', function () { load(file.files[0]); });
  ['dragenter', 'dragover'].forEach(function (t) {
    drop.addEventListener(t, function (e) { e.preventDefault(); drop.classList.add('over'); });
  });
  ['dragleave', 'drop'].forEach(function (t) {
    drop.addEventListener(t, function () { drop.classList.remove('over'); });
  });
  drop.addEventListener('drop', function (e) {
    e.preventDefault();
    if (e.dataTransfer && e.dataTransfer.files.length) load(e.dataTransfer.files[0]);
  });
}());
