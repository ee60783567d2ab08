// thidua: progressive enhancement shared by every page. Every page works without it.
(function () {
  'use strict';
  document.addEventListener('DOMContentLoaded', function () {
    // After a refused submission, take keyboard and screen-reader focus to the message.
    var msg = document.querySelector('[data-autofocus]');
    if (msg) msg.focus();
    else {
      var invalid = document.querySelector('[aria-invalid="true"]');
      if (invalid) invalid.focus();
    }
    // A file picker's chosen name, in place of the browser's own (English) text.
    document.querySelectorAll('[data-file-name-for]').forEach(function (out) {
      var input = document.getElementById(out.getAttribute('data-file-name-for'));
      if (!input) return;
      var show = function () {
        out.textContent = input.files && input.files.length ? input.files[0].name : 'Chưa chọn tệp nào';
      };
      input.addEventListener('change', show);
      show();
    });
    // Buttons that ask before an irreversible step: <button data-confirm="…">.
    document.querySelectorAll('form [data-confirm]').forEach(function (btn) {
      btn.addEventListener('click', function (ev) {
        if (!window.confirm(btn.getAttribute('data-confirm'))) ev.preventDefault();
      });
    });
    // One click per submission: a second click while the first is on its way is ignored.
    document.querySelectorAll('form').forEach(function (form) {
      form.addEventListener('submit', function (ev) {
        if (form.dataset.sending === '1') { ev.preventDefault(); return; }
        form.dataset.sending = '1';
        var busy = form.querySelector('[data-busy]');
        if (busy) busy.hidden = false;
      });
    });
  });
  // Coming back to a page from the history: its forms can be sent again.
  window.addEventListener('pageshow', function () {
    document.querySelectorAll('form').forEach(function (form) { form.dataset.sending = ''; });
  });
})();
