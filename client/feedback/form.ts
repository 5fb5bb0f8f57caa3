/**
 * Optional help for the public feedback form: a search box that narrows the unit <select>.
 * The form works the same without it (plain grouped <select>).
 */
const select = document.querySelector<HTMLSelectElement>('select[data-filterable]');
if (select) {
  const input = document.createElement('input');
  input.type = 'search';
  input.className = 'unit-filter';
  input.placeholder = 'Gõ để tìm đơn vị…';
  input.setAttribute('aria-label', 'Tìm đơn vị');
  input.setAttribute('aria-controls', select.id);
  select.before(input);
  const fold = (s: string) =>
    s
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/đ/gi, 'd')
      .toLowerCase();
  input.addEventListener('input', () => {
    const q = fold(input.value.trim());
    for (const group of Array.from(select.querySelectorAll('optgroup'))) {
      let shown = 0;
      for (const opt of Array.from(group.querySelectorAll('option'))) {
        const hit = !q || fold(opt.text).includes(q) || fold(group.label).includes(q);
        opt.hidden = !hit;
        if (hit) shown++;
      }
      group.hidden = shown === 0;
    }
  });
}
