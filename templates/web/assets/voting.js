/* Electronic ballot pages (issue 18): optional help only; every page works without it. */
(function () {
  'use strict';
  // A slip's QR code carries the voting code after "#": it fills the field and leaves the address
  // bar (and the browser's history), and never reaches the server's logs.
  var codeForm = document.querySelector('[data-code-form]');
  if (codeForm && location.hash.length > 1) {
    var input = codeForm.querySelector('input[name="code"]');
    if (input) input.value = decodeURIComponent(location.hash.slice(1));
    history.replaceState(null, '', location.pathname);
  }
  // An over-vote is refused before casting: say why as soon as it happens.
  var ballot = document.querySelector('[data-ballot]');
  if (ballot) {
    var seats = Number(ballot.getAttribute('data-seats'));
    var box = document.querySelector('[data-over-vote]');
    var button = ballot.querySelector('button[type="submit"]');
    var check = function () {
      var agree = ballot.querySelectorAll('input[value="AGREE"]:checked').length;
      var over = agree > seats;
      if (box) {
        box.hidden = !over;
        box.textContent = over
          ? 'Đang tán thành ' + agree + ' đơn vị, nhiều hơn số được chọn (' + seats + '): phiếu như vậy không hợp lệ. Hãy bỏ bớt ' + (agree - seats) + ' lựa chọn "Tán thành".'
          : '';
      }
      if (button) button.disabled = over;
    };
    ballot.addEventListener('change', check);
    check();
  }
  // The projector: the turnout again every few seconds (never partial results).
  var projector = document.querySelector('[data-refresh]');
  if (projector) {
    var seconds = Number(projector.getAttribute('data-refresh')) || 5;
    setTimeout(function () { location.reload(); }, seconds * 1000);
  }
})();
