/**
 * The sign-in page's only script (server/pages/home.ts renders the form): a few hundred bytes, so a
 * slow link shows a usable form at once instead of waiting for the dashboard. It sends the form
 * as the dashboard's API expects (JSON), shows the server's message on a refusal, and on success
 * loads the same address again, which the server now answers with the dashboard.
 */
const form = document.getElementById('sign-in') as HTMLFormElement | null;
const en = localStorage.getItem('hl.lang') === 'en';

function say(message: string | null): void {
  let alert = form?.querySelector<HTMLElement>('[role="alert"]');
  if (!message) return alert?.remove();
  if (!alert) {
    alert = document.createElement('p');
    alert.className = 'error';
    alert.setAttribute('role', 'alert');
    form?.querySelector('button')?.parentElement?.before(alert);
  }
  alert.textContent = message;
}

form?.addEventListener('submit', (e) => {
  e.preventDefault();
  const data = new FormData(form);
  say(null);
  fetch('/api/auth/login', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json', 'accept-language': en ? 'en' : 'vi' },
    body: JSON.stringify({ email: data.get('email'), password: data.get('password') }),
  }).then(
    async (res) => {
      if (res.ok) return location.reload();
      const body = (await res.json().catch(() => null)) as {
        error?: { message?: string };
      } | null;
      say(body?.error?.message ?? res.statusText);
    },
    () =>
      say(
        en
          ? 'The server could not be reached. Check the connection, then try again.'
          : 'Không kết nối được máy chủ. Hãy kiểm tra kết nối mạng rồi thử lại.',
      ),
  );
});

export {};
