/**
 * The bearer token: taken once from the address (#token=...), kept in sessionStorage for the
 * browser session, and removed from the address bar so it is not bookmarked or shared.
 */

const KEY = 'vigil.token';

export function tokenFromAddress(): string | null {
  const hash = window.location.hash.replace(/^#/, '');
  const params = new URLSearchParams(hash);
  const token = params.get('token');
  if (!token) return null;
  sessionStorage.setItem(KEY, token);
  params.delete('token');
  const rest = params.toString();
  const clean = window.location.pathname + window.location.search + (rest ? '#' + rest : '');
  history.replaceState(null, '', clean);
  return token;
}

export function storedToken(): string | null {
  return sessionStorage.getItem(KEY);
}

export function storeToken(token: string): void {
  sessionStorage.setItem(KEY, token);
}

export function forgetToken(): void {
  sessionStorage.removeItem(KEY);
}

/** Asks for the token with a small form (once per browser session); resolves when given. */
export function askForToken(reason: string): Promise<string> {
  return new Promise((resolve) => {
    const dialog = document.createElement('div');
    dialog.className = 'token-dialog';
    dialog.innerHTML = `
      <form>
        <h2>Vigil COP</h2>
        <p class="reason"></p>
        <label>Access token <input name="token" type="password" autocomplete="off" required></label>
        <button type="submit">Sign in</button>
        <p class="hint">The token is printed by <code>vigil serve</code>; it is kept for this browser session only.</p>
      </form>`;
    dialog.querySelector('.reason')!.textContent = reason;
    const form = dialog.querySelector('form')!;
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      const value = (form.elements.namedItem('token') as HTMLInputElement).value.trim();
      if (!value) return;
      storeToken(value);
      dialog.remove();
      resolve(value);
    });
    document.body.appendChild(dialog);
    (form.elements.namedItem('token') as HTMLInputElement).focus();
  });
}
