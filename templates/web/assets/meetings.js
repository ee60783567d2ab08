// thidua: the meeting console's live aids. The server's coded checks stay authoritative; every
// form works without this file.
(function () {
  'use strict';

  function minimumCount(whole, num, den, cmp) {
    if (whole === 0) return 1;
    var exact = (num * whole) / den;
    var floor = Math.floor(exact);
    var isWhole = floor * den === num * whole;
    if (cmp === 'GTE') return isWhole ? floor : Math.ceil(exact);
    return floor + 1;
  }

  function reaches(part, whole, num, den, cmp) {
    if (whole <= 0) return false;
    return cmp === 'GT' ? part * den > num * whole : part * den >= num * whole;
  }

  // ——— Attendance: the quorum indicator follows the roll as it is ticked. ———
  function quorum() {
    var box = document.querySelector('[data-quorum]');
    var form = document.querySelector('form[data-attendance]');
    if (!box || !form || !box.dataset.num) return;
    var total = Number(box.dataset.total);
    var num = Number(box.dataset.num), den = Number(box.dataset.den), cmp = box.dataset.cmp;
    var verdict = box.querySelector('[data-quorum-verdict]');
    var numbers = box.querySelector('[data-quorum-numbers]');
    var explanation = box.querySelector('[data-quorum-explanation]');
    var line = box.querySelector('.quorum-line');
    function update() {
      var present = form.querySelectorAll('input[data-present]:checked').length;
      var required = minimumCount(total, num, den, cmp);
      var ok = reaches(present, total, num, den, cmp);
      verdict.textContent = ok ? 'Đủ số thành viên tối thiểu' : 'Chưa đủ số thành viên tối thiểu';
      numbers.textContent = 'có mặt ' + present + '/' + total + ', cần tối thiểu ' + required;
      explanation.textContent = 'Có mặt ' + present + '/' + total + ' đơn vị; cần tối thiểu ' + required +
        ' (' + box.dataset.rule + ') — ' + (ok ? 'đủ điều kiện' : 'không đủ điều kiện') + ' (chưa lưu).';
      line.classList.toggle('ok', ok);
      line.classList.toggle('bad', !ok);
    }
    form.addEventListener('change', update);
  }

  // ——— Counts: running sums and the simple arithmetic checks, as the secretary types. ———
  function counts() {
    var form = document.querySelector('form[data-counts]');
    if (!form) return;
    var present = Number(form.dataset.present);
    var entitled = Number(form.dataset.entitled);
    var seats = Number(form.dataset.seats);
    var selfExcluded = form.hasAttribute('data-self-excluded');
    // The invalid-ballot share above which a reason is needed, as the server checks it.
    var invalidNum = Number(form.dataset.invalidNum);
    var invalidDen = Number(form.dataset.invalidDen);
    var invalidText = form.dataset.invalidText || '';
    var list = form.querySelector('[data-check-list]');
    if (!list) return;
    // Without JS the list is hidden (there is nothing live to show); with it, it is filled as one types.
    list.hidden = false;

    function input(name) { return form.querySelector('[data-count="' + name + '"]'); }
    function value(name) {
      var el = input(name);
      if (!el) return null;
      var t = el.value.trim();
      return /^\d+$/.test(t) ? Number(t) : null;
    }
    function live(name, text) {
      var p = form.querySelector('[data-live-for="' + name + '"]');
      if (p && p.textContent !== text) p.textContent = text;
    }
    function lines() {
      var out = [];
      form.querySelectorAll('tr[data-line]').forEach(function (tr) { out.push(tr.dataset.line); });
      return out;
    }

    function update() {
      var checks = [];
      var fieldMsgs = {};
      form.querySelectorAll('[data-count]').forEach(function (el) {
        var t = el.value.trim();
        fieldMsgs[el.dataset.count] = t !== '' && !/^\d+$/.test(t) ? 'Phải là số nguyên không âm.' : '';
      });
      function check(ok, text, field, warn) {
        checks.push({ ok: ok, text: text, warn: !!warn });
        if (!ok && field && !fieldMsgs[field]) fieldMsgs[field] = text;
      }
      var issued = value('ballotsIssued'), returned = value('ballotsReturned');
      var valid = value('valid'), invalid = value('invalid');
      if (issued !== null) {
        check(issued <= entitled, 'Số phiếu phát ra (' + issued + ') không vượt số thành viên (' + entitled + ')', 'ballotsIssued');
        check(issued <= present, 'Số phiếu phát ra (' + issued + ') không vượt số có mặt (' + present + ')', 'ballotsIssued');
        if (issued < present) check(false, 'Cảnh báo: số phiếu phát ra (' + issued + ') ít hơn số có mặt (' + present + '); cần ghi lý do', null, true);
      }
      if (issued !== null && returned !== null)
        check(returned <= issued, 'Số phiếu thu về (' + returned + ') không vượt số phát ra (' + issued + ')', 'ballotsReturned');
      if (valid !== null && invalid !== null && returned !== null) {
        check(valid + invalid === returned, 'Hợp lệ (' + valid + ') + không hợp lệ (' + invalid + ') = ' + (valid + invalid) +
          (valid + invalid === returned ? ' bằng' : ', khác') + ' số phiếu thu về (' + returned + ')', 'valid');
        if (returned > 0 && invalidDen > 0 && invalid * invalidDen > invalidNum * returned)
          check(false, 'Cảnh báo: tỷ lệ phiếu không hợp lệ ' + invalid + '/' + returned + ' vượt ' + invalidText + '; cần ghi lý do', null, true);
      }
      var totalAgree = 0, allLines = true;
      lines().forEach(function (code) {
        var a = value('nominees[' + code + '].agree');
        var d = value('nominees[' + code + '].disagree');
        var n = value('nominees[' + code + '].noOpinion');
        var out = form.querySelector('[data-line-sum="' + code + '"]');
        var name = form.querySelector('tr[data-line="' + code + '"] th').firstChild.textContent.trim();
        if (a === null || d === null || n === null) {
          allLines = false;
          if (out) out.textContent = '—';
          return;
        }
        var sum = a + d + n;
        totalAgree += a;
        if (out) out.textContent = String(sum);
        if (valid !== null) {
          var okSum = sum === valid || (selfExcluded && sum === valid - 1);
          check(okSum, name + ': ' + a + ' + ' + d + ' + ' + n + ' = ' + sum + (okSum ? ' bằng' : ', khác') + ' số phiếu hợp lệ (' + valid + ')',
            'nominees[' + code + '].agree');
          check(a <= valid, name + ': tán thành (' + a + ') không vượt số phiếu hợp lệ (' + valid + ')', 'nominees[' + code + '].agree');
        }
      });
      if (allLines && valid !== null)
        check(totalAgree <= valid * seats, 'Tổng tán thành (' + totalAgree + ') không vượt hợp lệ × số lượng được chọn (' + valid + ' × ' + seats + ' = ' + valid * seats + ')');
      Object.keys(fieldMsgs).forEach(function (k) { live(k, fieldMsgs[k]); });
      list.textContent = '';
      if (checks.length === 0) {
        var li0 = document.createElement('li');
        li0.textContent = 'Nhập số để xem các phép kiểm tra.';
        list.appendChild(li0);
      }
      checks.forEach(function (c) {
        var li = document.createElement('li');
        li.className = c.ok ? 'ok' : c.warn ? 'warn' : 'bad';
        li.textContent = (c.ok ? '✓ Đúng: ' : c.warn ? '⚠ ' : '✗ Sai: ') + c.text + '.';
        list.appendChild(li);
      });
    }
    form.addEventListener('input', update);
    update();
  }

  document.addEventListener('DOMContentLoaded', function () {
    quorum();
    counts();
  });
})();
