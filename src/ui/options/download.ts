// Saves text as a file through the browser's download of an object URL: no network, no permission.
export function downloadText(text: string, fileName: string, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  // Firefox reads the object URL after click() returns; let it finish before releasing it.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
