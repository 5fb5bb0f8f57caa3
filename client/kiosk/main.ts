import { createQueue, flush, uuid } from './queue.js';

/**
 * The counter's rating page: a tap on a face asks the optional follow-up (when the questionnaire
 * asks it for that rating), then thanks and returns to the faces by itself. Each visit is queued
 * on the device first and sent when the network allows (at once, on the `online` event, and every
 * few seconds while anything waits); a discreet line says how many wait while offline.
 */
const THANKS_MS = 4000;
const FOLLOW_UP_MS = 20_000;
const RETRY_MS = 5000;

const root = document.getElementById('kiosk');
if (root) start(root);

function start(root: HTMLElement) {
  const device = root.dataset.device!;
  const ratingId = root.dataset.rating!;
  const url = `/api/public/kiosks/${device}/responses`;
  const queue = createQueue(localStorage, `hl.kiosk.${device}`);
  const rate = document.getElementById('k-rate')!;
  const more = document.getElementById('k-more');
  const thanks = document.getElementById('k-thanks')!;
  const net = document.getElementById('k-net')!;
  const when = (more?.dataset.when ?? '').split(',').map(Number);

  let offline = !navigator.onLine;
  let sending = false;
  let rating = 0;
  let timer = 0;

  function status() {
    const n = queue.all().length;
    net.textContent = !n
      ? ''
      : offline
        ? `Đang ngoại tuyến — ${n} lượt chờ gửi`
        : `Đang gửi — ${n} lượt chờ gửi`;
  }

  async function send() {
    if (sending) return;
    sending = true;
    try {
      const r = await flush(queue, url);
      offline = r.waiting;
    } finally {
      sending = false;
      status();
    }
  }

  function show(screen: HTMLElement) {
    for (const s of [rate, more, thanks]) if (s) s.hidden = s !== screen;
    screen.querySelector<HTMLElement>('h1, h2')?.focus();
  }

  function finish(answers: Record<string, number | string>) {
    clearTimeout(timer);
    queue.add({ clientId: uuid(), answers, tappedAt: new Date().toISOString() });
    status();
    void send();
    show(thanks);
    timer = window.setTimeout(() => show(rate), THANKS_MS);
  }

  rate.querySelector('form')!.addEventListener('submit', (e) => {
    e.preventDefault();
    const b = (e as SubmitEvent).submitter as HTMLButtonElement | null;
    rating = Number(b?.value);
    if (!(rating >= 1 && rating <= 5)) return;
    if (more && when.includes(rating)) {
      show(more);
      // A visitor who walks away leaves the rating alone; the faces come back.
      timer = window.setTimeout(() => finish({ [ratingId]: rating }), FOLLOW_UP_MS);
    } else finish({ [ratingId]: rating });
  });
  more?.addEventListener('click', (e) => {
    const b = (e.target as HTMLElement).closest('button');
    if (!b) return;
    const answers: Record<string, number | string> = { [ratingId]: rating };
    if (b.dataset.value) answers[more.dataset.question!] = b.dataset.value;
    finish(answers);
  });
  thanks.addEventListener('click', () => {
    clearTimeout(timer);
    show(rate);
  });

  addEventListener('online', () => void send());
  addEventListener('offline', () => {
    offline = true;
    status();
  });
  setInterval(() => {
    if (queue.all().length) void send();
  }, RETRY_MS);
  // Another tab of the same device queued or sent: keep the line true.
  addEventListener('storage', status);
  status();
  void send();
}
