// Optional enhancements. Every page works without this file.
'use strict';
document.documentElement.classList.add('js');
document.addEventListener('DOMContentLoaded', function () {
  // Print buttons are hidden until JavaScript can make them work.
  document.querySelectorAll('button[data-print]').forEach(function (b) {
    b.hidden = false;
    b.addEventListener('click', function () { window.print(); });
  });
});

// Job-ad checker: a short summary updates while the employer types. The
// full report still comes from submitting the form.
document.addEventListener('DOMContentLoaded', function () {
  var form = document.querySelector('form[data-adcheck]');
  if (!form || !window.fetch) return;
  var text = form.querySelector('#f-description') || form.querySelector('textarea');
  var title = form.querySelector('#f-title');
  var lang = form.querySelector('select');
  var live = form.querySelector('[data-adcheck-live]');
  var timer = null;
  function check() {
    if (!text.value.trim()) { live.textContent = ''; return; }
    fetch('/api/v1/adcheck', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ text: (title ? title.value + '\n\n' : '') + text.value, lang: lang.value }),
      credentials: 'same-origin'
    }).then(function (r) { return r.ok ? r.json() : null; }).then(function (j) {
      if (!j) return;
      var block = j.findings.filter(function (f) { return f.severity === 'block'; }).length;
      var warn = j.findings.length - block;
      live.textContent = live.getAttribute('data-template')
        .replace('{block}', block).replace('{warn}', warn);
    }).catch(function () {});
  }
  text.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(check, 700);
  });
});
