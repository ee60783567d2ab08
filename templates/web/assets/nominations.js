// thidua: nominations area. A download does not leave the page: hide the progress again after a while.
(function () {
  'use strict';
  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('form[method="get"] [data-busy]').forEach(function (busy) {
      var form = busy.closest('form');
      form.addEventListener('submit', function () {
        window.setTimeout(function () {
          busy.hidden = true;
          form.dataset.sending = '';
        }, 4000);
      });
    });
  });
})();
