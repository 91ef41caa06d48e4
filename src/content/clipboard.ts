// Copies text from the page's context: the async Clipboard API, else a selection-based copy inside a
// detached element of ours so the page's selection and DOM are left as they were.
export async function copyText(doc: Document, text: string): Promise<boolean> {
  try {
    await doc.defaultView?.navigator.clipboard.writeText(text);
    return true;
  } catch {
    // fall through: the Clipboard API may be blocked by the page's permissions policy
  }
  try {
    const area = doc.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.cssText = 'position:fixed;top:-1000px;left:-1000px;opacity:0';
    const selection = doc.getSelection();
    const saved = selection && selection.rangeCount ? selection.getRangeAt(0).cloneRange() : null;
    doc.documentElement.appendChild(area);
    area.select();
    const ok = doc.execCommand('copy');
    area.remove();
    if (saved && selection) {
      selection.removeAllRanges();
      selection.addRange(saved);
    }
    return ok;
  } catch {
    return false;
  }
}
