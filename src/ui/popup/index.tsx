// Toolbar popup entry.
import { render } from 'preact';
import { PopupApp } from './PopupApp.js';

render(<PopupApp />, document.getElementById('app') as HTMLElement);
