// thidua: running totals on the score sheet and the criteria editor, while the person types.
// The pages work without it; the server checks and sums everything again.
(function () {
  'use strict';
  var fmt = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 });
  /** "96,5" → 9650 centipoints; blank → 0; not a number → NaN. */
  function cp(text) {
    var t = String(text || '').trim().replace(/\s/g, '');
    if (!t) return 0;
    var n = t.replace(/\./g, t.indexOf(',') >= 0 ? '' : '.').replace(',', '.');
    return /^-?\d+(\.\d+)?$/.test(n) ? Math.round(Number(n) * 100) : NaN;
  }
  function show(out, v) { if (out) out.textContent = isNaN(v) ? 'chưa tính được' : fmt.format(v / 100); }

  function sheet(form) {
    var inputs = form.querySelectorAll('input[data-kind]');
    var bonusCap = cp(form.getAttribute('data-bonus-cap').replace('.', ','));
    var penaltyCap = cp(form.getAttribute('data-penalty-cap').replace('.', ','));
    function update() {
      var sections = {};
      var criteria = 0, bonus = 0, penalty = 0;
      inputs.forEach(function (i) {
        var v = cp(i.value);
        var s = i.getAttribute('data-section');
        sections[s] = (sections[s] || 0) + v;
        var kind = i.getAttribute('data-kind');
        if (kind === 'criterion') criteria += v;
        else if (kind === 'bonus') bonus += v;
        else penalty += v;
        var row = i.closest('tr');
        var hint = row && row.querySelector('[data-reason-hint]');
        var reason = row && row.querySelector('input.reason');
        var prev = i.getAttribute('data-prev');
        if (hint) hint.hidden = !(prev !== '' && i.value.trim() !== '' && cp(i.value) !== cp(prev) && reason && !reason.value.trim());
      });
      form.querySelectorAll('[data-sum-section]').forEach(function (o) {
        var s = o.getAttribute('data-sum-section');
        var v = sections[s] || 0;
        show(o, s === 'penalty' ? (Math.min(v, penaltyCap) ? -Math.min(v, penaltyCap) : 0) : s === 'bonus' ? Math.min(v, bonusCap) : v);
      });
      show(form.querySelector('[data-sum-total]'), criteria + Math.min(bonus, bonusCap) - Math.min(penalty, penaltyCap));
    }
    form.addEventListener('input', update);
    update();
  }

  function editor(form) {
    function update() {
      var groups = 0;
      form.querySelectorAll('fieldset[data-group]').forEach(function (fs) {
        var g = fs.querySelector('input.group-max');
        groups += g ? cp(g.value) : 0;
        var sum = 0;
        fs.querySelectorAll('input.criterion-max').forEach(function (i) { sum += cp(i.value); });
        var out = fs.querySelector('[data-sum-criteria]');
        if (out) out.textContent = 'Cộng các tiêu chí: ' + (isNaN(sum) ? 'chưa tính được' : fmt.format(sum / 100));
      });
      show(form.querySelector('[data-sum-groups]'), groups);
      var scale = form.querySelector('select[name="scale"]');
      var s = form.querySelector('[data-scale]');
      if (scale && s) s.textContent = fmt.format(Number(scale.value));
    }
    form.addEventListener('input', update);
    form.addEventListener('change', update);
    update();
  }

  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('form[data-score-sheet]').forEach(sheet);
    document.querySelectorAll('form[data-criteria-editor]').forEach(editor);
  });
})();
