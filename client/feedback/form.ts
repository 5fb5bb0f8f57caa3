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

/**
 * Before an anonymous complaint or denunciation leaves the page, say that the law needs a name
 * and a contact, and offer to send it as feedback instead (the server refuses it either way).
 */
const form = document.querySelector<HTMLFormElement>('form[action="/feedback"]');
if (form) {
  const value = (name: string) =>
    (form.querySelector<HTMLInputElement>(`[name="${name}"]`)?.value ?? '').trim();
  form.addEventListener('submit', (e) => {
    const kind = form.querySelector<HTMLInputElement>('input[name="kind"]:checked')?.value;
    const identified = value('contact_name') && (value('contact_phone') || value('contact_email'));
    if (!kind || kind === 'feedback' || identified || e.submitter?.getAttribute('name')) return;
    e.preventDefault();
    let box = form.querySelector<HTMLDivElement>('#identity-check');
    if (!box) {
      box = document.createElement('div');
      box.id = 'identity-check';
      box.className = 'error';
      box.setAttribute('role', 'alert');
      box.innerHTML =
        '<p>Khiếu nại, tố cáo cần họ tên và số điện thoại hoặc thư điện tử của người gửi. Hãy điền thông tin liên hệ, hoặc gửi nội dung này dưới dạng phản ánh (có thể ẩn danh).</p>' +
        '<p><button type="submit" name="as_feedback" value="1">Gửi dưới dạng phản ánh (ẩn danh)</button></p>';
      form.querySelector('button[type="submit"]:not([name])')?.parentElement?.before(box);
    }
    box.querySelector('button')?.focus();
  });
}
