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
